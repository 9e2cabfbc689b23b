#pragma once
// Server is Vigie's HTTP/1.1 front: Boost.Beast with C++20 coroutines on a few I/O threads,
// handlers run on a separate worker pool so a slow database call never blocks a socket.
// It enforces header/body/idle timeouts and size limits (431, 413), gives every request an
// id, writes the access log, and on SIGINT/SIGTERM stops accepting, lets in-flight requests
// finish (up to a grace period), then returns from run().
// This is the only translation unit that includes Beast.

#include "http/access_log.hpp"
#include "http/dispatcher.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace vigie::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port
  int io_threads = 2;
  int worker_threads = 4;
  std::size_t header_limit = 16 * 1024;
  std::chrono::seconds header_timeout{10};
  std::chrono::seconds body_timeout{30};
  std::chrono::seconds idle_timeout{60};
  std::chrono::seconds write_timeout{60};
  std::chrono::seconds shutdown_grace{10};
  // Behind a reverse proxy on this machine: take the client address from X-Forwarded-For when
  // the connection comes from the loopback (else every client would share the proxy's
  // address, and login throttling per address would lock everybody out together).
  bool trust_forwarded_for = false;
};

class Server {
 public:
  Server(ServerOptions options, const Dispatcher& dispatcher, AccessLog& access_log);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; returns the bound port. Throws std::system_error on failure.
  std::uint16_t listen();

  // Serves until SIGINT or SIGTERM (or stop()), then drains and returns.
  void run();

  // Starts a graceful stop from any thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigie::http
