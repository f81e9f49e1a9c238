#include "pg_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dyad::testing {
namespace {

namespace fs = std::filesystem;

// The newest installed server's bin folder, or "".
std::string find_bin() {
  const fs::path root = "/usr/lib/postgresql";
  std::error_code ec;
  std::string best;
  int best_version = 0;
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    const int version = std::atoi(entry.path().filename().c_str());
    if (version > best_version && fs::exists(entry.path() / "bin" / "initdb")) {
      best_version = version;
      best = (entry.path() / "bin").string();
    }
  }
  return best;
}

// A loopback port nobody listens on now (the kernel picks it).
int free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 0;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  close(fd);
  return port;
}

std::string tail_of(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string all = ss.str();
  return all.size() > 600 ? all.substr(all.size() - 600) : all;
}

}  // namespace

std::unique_ptr<PgServer> PgServer::start(std::string& why) {
  const std::string bin = find_bin();
  if (bin.empty()) {
    why = "no PostgreSQL server under /usr/lib/postgresql (scripts/bootstrap installs it)";
    return nullptr;
  }
  char pattern[] = "/tmp/dyad-pg-XXXXXX";
  if (mkdtemp(pattern) == nullptr) {
    why = "cannot make a temporary folder";
    return nullptr;
  }
  const std::string dir = pattern;
  std::string run_as;
  if (geteuid() == 0) {
    // initdb will not run as root: hand the folder to the postgres user and run as it.
    const passwd* pw = getpwnam("postgres");
    if (pw == nullptr) {
      why = "running as root and there is no postgres user to run the server as";
      fs::remove_all(dir);
      return nullptr;
    }
    if (chown(dir.c_str(), pw->pw_uid, pw->pw_gid) != 0) {
      why = "cannot give " + dir + " to the postgres user";
      fs::remove_all(dir);
      return nullptr;
    }
    run_as = "runuser -u postgres -- ";
  }
  chmod(dir.c_str(), 0700);
  const int port = free_port();
  std::unique_ptr<PgServer> server(new PgServer(dir, bin, run_as, port));
  const std::string log = dir + "/setup.log";
  const std::string initdb = run_as + bin + "/initdb -D " + dir + "/data -U postgres -A trust -E UTF8 --locale=C" +
                             " --no-sync >" + log + " 2>&1";
  if (std::system(initdb.c_str()) != 0) {
    why = "initdb failed: " + tail_of(log);
    return nullptr;
  }
  // Loopback only, a socket in our own folder, and no fsync: a test server keeps nothing.
  const std::string start = run_as + bin + "/pg_ctl -D " + dir + "/data -w -t 60 -l " + dir +
                            "/server.log -o \"-p " + std::to_string(port) + " -k " + dir +
                            " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
                            " -c full_page_writes=off\" start >>" + log + " 2>&1";
  if (std::system(start.c_str()) != 0) {
    why = "pg_ctl start failed: " + tail_of(dir + "/server.log");
    return nullptr;
  }
  return server;
}

PgServer::~PgServer() {
  const std::string stop = run_as_ + bin_ + "/pg_ctl -D " + dir_ + "/data -m immediate -w stop >/dev/null 2>&1";
  (void)std::system(stop.c_str());
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

std::string PgServer::url(const std::string& database) const {
  return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + database;
}

std::string PgServer::create_database(std::string& why) {
  const std::string name = "dyad_test_" + std::to_string(++databases_);
  const std::string log = dir_ + "/createdb.log";
  const std::string cmd = run_as_ + bin_ + "/createdb -h 127.0.0.1 -p " + std::to_string(port_) + " -U postgres " +
                          name + " >" + log + " 2>&1";
  if (std::system(cmd.c_str()) != 0) {
    why = "createdb failed: " + tail_of(log);
    return {};
  }
  return url(name);
}

PgServer* shared_pg_server(std::string& why) {
  static std::string failure;
  static std::unique_ptr<PgServer> server = PgServer::start(failure);
  why = failure;
  return server.get();
}

std::string fresh_pg_database(std::string& why) {
  PgServer* server = shared_pg_server(why);
  if (server == nullptr) return {};
  return server->create_database(why);
}

}  // namespace dyad::testing
