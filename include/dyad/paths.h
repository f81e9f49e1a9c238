// Where dyad finds its shipped data (dictionaries, tables) and models at run time.
#pragma once

#include <string>

namespace dyad {

// The data directory: $DYAD_DATA if set, else the source tree's data/ (a build run in
// place), else ../share/dyad/data beside the executable (an installed build).
std::string default_data_dir();

// The models directory: $DYAD_MODELS, else the source tree's models/, else
// ../share/dyad/models beside the executable.
std::string default_models_dir();

}  // namespace dyad
