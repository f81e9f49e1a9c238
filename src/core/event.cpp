#include "dyad/event.h"

namespace dyad {

void describe_code(Mention& m, GoldsteinScale scale) {
  m.root = cameo_root(m.code);
  if (const CameoCode* c = find_cameo(m.code)) {
    m.root = c->root;
    m.quad_class = c->quad_class;
    m.goldstein = c->goldstein(scale);
    m.cameo_name = c->name;
  }
  if (const PloverType* p = find_plover(m.code)) {
    m.plover_type = p->event_type;
    m.plover_mode = p->mode;
    m.plover_context = p->context;
  }
  if (const AcledType* a = find_acled(m.code)) {
    m.acled_type = a->event_type;
    m.acled_sub_type = a->sub_event_type;
  }
}

}  // namespace dyad
