#include "http/server.hpp"

#include "http/problem.hpp"
#include "security/random.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

namespace vigie::http {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

struct Connection {
  explicit Connection(tcp::socket s) : stream(std::move(s)) {}
  beast::tcp_stream stream;
  bool idle = true;      // waiting for a new request with nothing buffered
  bool closing = false;  // finish the current exchange, then close
};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The client's address as the proxy on the loopback reports it (the last X-Forwarded-For hop),
// or the peer's address when the header is absent, malformed, or not from the loopback.
std::string forwarded_client(const Request& req, const std::string& peer) {
  beast::error_code ec;
  auto peer_addr = net::ip::make_address(peer, ec);
  if (ec || !peer_addr.is_loopback()) return peer;
  auto header = req.header("x-forwarded-for");
  if (!header) return peer;
  std::string_view last = *header;
  if (auto comma = last.rfind(','); comma != std::string_view::npos) last.remove_prefix(comma + 1);
  while (!last.empty() && last.front() == ' ') last.remove_prefix(1);
  while (!last.empty() && last.back() == ' ') last.remove_suffix(1);
  auto client = net::ip::make_address(std::string(last), ec);
  return ec ? peer : client.to_string();
}

// Why a request's framing is refused (RFC 9112 §6.1, §5.2, §3.2), or empty when it is sound.
// Beast tolerates what a proxy in front may read differently (request smuggling): a
// Transfer-Encoding other than exactly "chunked" (which it may take for no body at all), one
// next to a Content-Length, a second Host, and header lines folded onto the next line.
template <class Header>
std::string framing_problem(const Header& head, bool folded) {
  if (folded) return "Header fields may not be folded over several lines.";
  int te = 0, host = 0;
  for (const auto& f : head) {
    if (f.name() == bhttp::field::transfer_encoding) {
      ++te;
      std::string_view v = f.value();
      while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
      while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
      if (lower(v) != "chunked") return "The only transfer coding accepted is chunked.";
    }
    if (f.name() == bhttp::field::host) ++host;
  }
  if (te > 1) return "The only transfer coding accepted is chunked.";
  if (te > 0 && head.count(bhttp::field::content_length) > 0)
    return "A request may not carry both Transfer-Encoding and Content-Length.";
  if (host > 1) return "A request carries one Host header.";
  return {};
}

// True when the header section at the start of `raw` (up to its empty line) folds a line
// (obs-fold: a line starting with a space or tab).
bool folded_header(std::string_view raw) {
  const auto end = raw.find("\r\n\r\n");
  if (end != std::string_view::npos) raw = raw.substr(0, end + 2);
  for (auto p = raw.find("\r\n"); p != std::string_view::npos; p = raw.find("\r\n", p + 2))
    if (p + 2 < raw.size() && (raw[p + 2] == ' ' || raw[p + 2] == '\t')) return true;
  return false;
}

// A malformed request, as opposed to a client that closed its connection (before or in the
// middle of a header): that is no request at all, answered and logged as nothing.
bool is_parse_error(const beast::error_code& ec) {
  if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return false;
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category();
}

}  // namespace

struct Server::Impl {
  Impl(ServerOptions o, const Dispatcher& d, AccessLog& log)
      : options(std::move(o)),
        dispatcher(d),
        access_log(log),
        contexts(make_contexts(options.io_threads)),
        ioc(*contexts.front()),
        acceptor(ioc),
        signals(ioc, SIGINT, SIGTERM),
        pool(static_cast<std::size_t>(std::max(1, options.worker_threads))) {
    for (auto& c : contexts) guards.emplace_back(c->get_executor());
  }

  // One io_context per I/O thread: a connection lives on one thread for its whole life, so
  // no strand or cross-thread wake-up is needed on the hot path.
  static std::vector<std::unique_ptr<net::io_context>> make_contexts(int n) {
    std::vector<std::unique_ptr<net::io_context>> v;
    for (int i = 0; i < std::max(1, n); ++i) v.push_back(std::make_unique<net::io_context>(1));
    return v;
  }

  ServerOptions options;
  const Dispatcher& dispatcher;
  AccessLog& access_log;
  std::vector<std::unique_ptr<net::io_context>> contexts;
  net::io_context& ioc;  // the first context: acceptor, signals, shutdown
  std::vector<net::executor_work_guard<net::io_context::executor_type>> guards;
  std::size_t next_context = 0;
  tcp::acceptor acceptor;
  net::signal_set signals;
  net::thread_pool pool;
  std::atomic<bool> stopping{false};
  std::mutex mu;
  std::set<std::shared_ptr<Connection>> connections;

  net::awaitable<void> accept_loop();
  net::awaitable<void> session(std::shared_ptr<Connection> c);
  net::awaitable<void> drain();
  net::awaitable<std::uint64_t> write(Connection& c, Response& res, bool head, bool keep_alive,
                                      unsigned version);
  net::awaitable<void> discard_input(Connection& c, beast::flat_buffer& buffer);
  void begin_stop();
  void log(const Request& req, int status, std::uint64_t bytes, Clock::time_point start);
};

net::awaitable<void> Server::Impl::accept_loop() {
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(*contexts[next_context++ % contexts.size()],
                                                       net::as_tuple(net::use_awaitable));
    if (ec) {
      if (stopping || ec == net::error::operation_aborted) co_return;
      spdlog::warn("accept failed: {}", ec.message());
      net::steady_timer t(ioc, std::chrono::milliseconds(50));  // e.g. out of descriptors
      co_await t.async_wait(net::as_tuple(net::use_awaitable));
      continue;
    }
    beast::error_code ignore;
    socket.set_option(tcp::no_delay(true), ignore);
    auto c = std::make_shared<Connection>(tcp::socket(std::move(socket)));
    {
      std::lock_guard lock(mu);
      connections.insert(c);
    }
    net::co_spawn(c->stream.get_executor(), session(c), net::detached);
  }
}

void Server::Impl::log(const Request& req, int status, std::uint64_t bytes,
                       Clock::time_point start) {
  if (!access_log.enabled()) return;
  auto ua = req.header("user-agent");
  access_log.write(AccessRecord{
      req.request_id, req.remote_address, req.method, req.path, status, bytes,
      std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count(),
      ua ? std::string(*ua) : std::string()});
}

net::awaitable<std::uint64_t> Server::Impl::write(Connection& c, Response& res, bool head,
                                                  bool keep_alive, unsigned version) {
  auto fill = [&](auto& msg) {
    msg.version(version);
    msg.result(static_cast<bhttp::status>(res.status));
    for (const auto& [k, v] : res.headers) msg.set(k, v);
    msg.keep_alive(keep_alive);
  };
  c.stream.expires_after(options.write_timeout);
  if (res.file) {
    bhttp::file_body::value_type file;
    beast::error_code ec;
    file.open(res.file->c_str(), beast::file_mode::scan, ec);
    if (ec) {
      Response missing = dispatcher.problem(not_found(), std::string(*res.header("X-Request-Id")));
      res = std::move(missing);
    } else {
      std::uint64_t size = file.size();
      if (head) {
        bhttp::response<bhttp::empty_body> msg;
        fill(msg);
        msg.content_length(size);
        co_await bhttp::async_write(c.stream, msg, net::as_tuple(net::use_awaitable));
      } else {
        bhttp::response<bhttp::file_body> msg;
        fill(msg);
        msg.body() = std::move(file);
        msg.prepare_payload();
        co_await bhttp::async_write(c.stream, msg, net::as_tuple(net::use_awaitable));
      }
      co_return size;
    }
  }
  if (res.shared_body) {
    const std::uint64_t size = res.shared_body->size();
    if (head) {
      bhttp::response<bhttp::empty_body> msg;
      fill(msg);
      msg.content_length(size);
      co_await bhttp::async_write(c.stream, msg, net::as_tuple(net::use_awaitable));
    } else {
      auto keep = res.shared_body;  // alive until the write completes
      bhttp::response<bhttp::span_body<const char>> msg;
      fill(msg);
      msg.body() = bhttp::span_body<const char>::value_type(keep->data(), keep->size());
      msg.prepare_payload();
      co_await bhttp::async_write(c.stream, msg, net::as_tuple(net::use_awaitable));
    }
    co_return size;
  }
  if (head) {
    bhttp::response<bhttp::empty_body> msg;
    fill(msg);
    msg.content_length(res.body.size());
    co_await bhttp::async_write(c.stream, msg, net::as_tuple(net::use_awaitable));
  } else {
    bhttp::response<bhttp::string_body> msg;
    fill(msg);
    const std::uint64_t size = res.body.size();
    msg.body() = std::move(res.body);
    msg.prepare_payload();
    co_await bhttp::async_write(c.stream, msg, net::as_tuple(net::use_awaitable));
    co_return size;
  }
  co_return res.body.size();
}

// After refusing a request whose body we will not read, keep reading (and dropping) what the
// client still sends for a moment, so closing does not reset the connection before the
// client has read our answer.
net::awaitable<void> Server::Impl::discard_input(Connection& c, beast::flat_buffer& buffer) {
  beast::error_code ec;
  c.stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  std::size_t total = 0;
  c.stream.expires_after(std::chrono::seconds(2));
  while (total < 64 * 1024 * 1024) {
    buffer.consume(buffer.size());
    auto [rec, n] = co_await c.stream.async_read_some(buffer.prepare(64 * 1024),
                                                      net::as_tuple(net::use_awaitable));
    if (rec) break;
    total += n;
  }
}

net::awaitable<void> Server::Impl::session(std::shared_ptr<Connection> c) {
  beast::flat_buffer buffer;
  bool first = true;
  std::string remote;
  {
    beast::error_code ec;
    auto ep = c->stream.socket().remote_endpoint(ec);
    if (!ec) remote = ep.address().to_string();
  }
  try {
    while (!c->closing) {
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
      parser.body_limit(boost::none);  // decided per route once the header is known
      c->idle = buffer.size() == 0;
      c->stream.expires_after(first ? options.header_timeout : options.idle_timeout);
      // The whole header section first, so that its raw lines can be checked for folding
      // (the parser unfolds them without a trace). Errors are left to the parser to report.
      bool gone = false;  // closed, timed out or cancelled before a whole header arrived
      for (;;) {
        const std::string_view raw(static_cast<const char*>(buffer.data().data()), buffer.size());
        if (raw.find("\r\n\r\n") != std::string_view::npos || raw.size() > options.header_limit)
          break;
        auto [rec, rn] = co_await c->stream.async_read_some(buffer.prepare(8 * 1024),
                                                            net::as_tuple(net::use_awaitable));
        buffer.commit(rn);
        if (rec) {
          gone = true;
          break;
        }
      }
      if (gone) break;  // no request: nothing to answer or log
      const bool folded = folded_header(
          std::string_view(static_cast<const char*>(buffer.data().data()), buffer.size()));
      auto [ec, ignored_n] = co_await bhttp::async_read_header(c->stream, buffer, parser,
                                                               net::as_tuple(net::use_awaitable));
      (void)ignored_n;
      c->idle = false;
      first = false;
      const auto start = Clock::now();
      Request req;
      req.request_id = security::random_hex(8);
      req.remote_address = remote;
      if (ec) {
        Problem p;
        if (ec == bhttp::error::header_limit) {
          p = {431,
               "headers-too-large",
               "Request header fields too large",
               "The request headers may not exceed " + std::to_string(options.header_limit) +
                   " bytes.",
               {}};
        } else if (is_parse_error(ec)) {
          p = bad_request("The request is not valid HTTP/1.1.");
        } else {
          break;  // end of stream, timeout, cancellation
        }
        Response r = dispatcher.problem(p, req.request_id);
        auto bytes = co_await write(*c, r, false, false, 11);
        log(req, p.status, bytes, start);
        co_await discard_input(*c, buffer);
        break;
      }
      auto& head = parser.get();
      req.method = std::string(head.method_string());
      req.target = std::string(head.target());
      for (const auto& f : head) req.headers.emplace_back(lower(f.name_string()), f.value());
      if (const auto why = framing_problem(head, folded); !why.empty()) {
        req.path = "?";
        Response r = dispatcher.problem(bad_request(why), req.request_id);
        auto bytes = co_await write(*c, r, false, false, head.version());
        log(req, 400, bytes, start);
        co_await discard_input(*c, buffer);
        break;
      }
      auto url = boost::urls::parse_origin_form(head.target());
      if (!url || url->path().find('\0') != std::string::npos) {
        req.path = "?";
        Response r = dispatcher.problem(bad_request("The request target is not a valid path."),
                                        req.request_id);
        auto bytes = co_await write(*c, r, false, false, head.version());
        log(req, 400, bytes, start);
        break;
      }
      if (options.trust_forwarded_for) req.remote_address = forwarded_client(req, remote);
      req.path = url->path();
      if (req.path.empty()) req.path = "/";
      req.query = std::string(url->encoded_query());

      const auto plan = dispatcher.plan(req.method, req.path);
      const auto limit = plan.body_limit;
      if (parser.content_length() && *parser.content_length() > limit) {
        Response r = dispatcher.problem(payload_too_large(limit), req.request_id);
        auto bytes = co_await write(*c, r, false, false, head.version());
        log(req, 413, bytes, start);
        co_await discard_input(*c, buffer);
        break;
      }
      parser.body_limit(limit);
      // A guarded route's caller is admitted from the head before its body is read: a refused
      // caller costs neither the reading nor the memory of an upload (and gets no 100 Continue).
      if (!parser.is_done() && plan.match.route && !plan.match.route->options.open) {
        std::optional<Response> refusal = co_await net::co_spawn(
            pool,
            [this, &req, &plan]() -> net::awaitable<std::optional<Response>> {
              co_return dispatcher.admit_before_body(req, plan);
            },
            net::use_awaitable);
        if (refusal) {
          const int status = refusal->status;
          auto bytes = co_await write(*c, *refusal, false, false, head.version());
          log(req, status, bytes, start);
          co_await discard_input(*c, buffer);
          break;
        }
      }
      if (!parser.is_done()) {
        if (auto expect = req.header("expect"); expect && lower(*expect) == "100-continue") {
          bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, head.version()};
          c->stream.expires_after(options.write_timeout);
          co_await bhttp::async_write(c->stream, cont, net::as_tuple(net::use_awaitable));
        }
        c->stream.expires_after(options.body_timeout);
        auto [bec, bn] = co_await bhttp::async_read(c->stream, buffer, parser,
                                                    net::as_tuple(net::use_awaitable));
        (void)bn;
        if (bec) {
          if (bec == bhttp::error::body_limit) {
            Response r = dispatcher.problem(payload_too_large(limit), req.request_id);
            auto bytes = co_await write(*c, r, false, false, head.version());
            log(req, 413, bytes, start);
            co_await discard_input(*c, buffer);
          } else if (is_parse_error(bec)) {
            Response r =
                dispatcher.problem(bad_request("The request body is malformed."), req.request_id);
            auto bytes = co_await write(*c, r, false, false, head.version());
            log(req, 400, bytes, start);
          }
          break;
        }
      }
      req.body = std::move(parser.get().body());
      const bool want_keep_alive = parser.get().keep_alive();
      const unsigned version = parser.get().version();

      // No co_await inside a conditional expression: GCC 12 miscompiles it.
      Response res;
      if (plan.runs_inline) {
        res = dispatcher.handle(req, plan);
      } else {
        res = co_await net::co_spawn(
            pool,
            [this, &req, &plan]() -> net::awaitable<Response> {
              co_return dispatcher.handle(req, plan);
            },
            net::use_awaitable);
      }

      const bool keep = want_keep_alive && !c->closing && !stopping;
      const int status = res.status;
      auto bytes = co_await write(*c, res, req.method == "HEAD", keep, version);
      log(req, status, bytes, start);
      if (!keep) break;
    }
  } catch (const std::exception& e) {
    spdlog::error("connection from {} ended on an error: {}", remote, e.what());
  }
  beast::error_code ec;
  c->stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  c->stream.socket().close(ec);
  std::lock_guard lock(mu);
  connections.erase(c);
}

void Server::Impl::begin_stop() {
  if (stopping.exchange(true)) return;
  spdlog::info("stopping: no new connections; finishing requests in flight");
  beast::error_code ec;
  acceptor.close(ec);
  signals.cancel(ec);
  {
    std::lock_guard lock(mu);
    for (const auto& c : connections) {
      net::post(c->stream.get_executor(), [c] {
        c->closing = true;
        if (c->idle) c->stream.cancel();
      });
    }
  }
  net::co_spawn(ioc, drain(), net::detached);  // may start inline: the lock must be released
}

net::awaitable<void> Server::Impl::drain() {
  const auto deadline = Clock::now() + options.shutdown_grace;
  net::steady_timer timer(ioc);
  for (;;) {
    {
      std::lock_guard lock(mu);
      if (connections.empty()) break;
      if (Clock::now() >= deadline) {
        spdlog::warn("{} connection(s) still busy after the grace period; closing them",
                     connections.size());
        break;
      }
    }
    timer.expires_after(std::chrono::milliseconds(20));
    co_await timer.async_wait(net::as_tuple(net::use_awaitable));
  }
  guards.clear();
  for (auto& c : contexts) c->stop();
}

Server::Server(ServerOptions options, const Dispatcher& dispatcher, AccessLog& access_log)
    : impl_(std::make_unique<Impl>(std::move(options), dispatcher, access_log)) {}

Server::~Server() = default;

std::uint16_t Server::listen() {
  auto& i = *impl_;
  tcp::endpoint ep(net::ip::make_address(i.options.host), i.options.port);
  i.acceptor.open(ep.protocol());
  i.acceptor.set_option(net::socket_base::reuse_address(true));
  i.acceptor.bind(ep);
  i.acceptor.listen(net::socket_base::max_listen_connections);
  return i.acceptor.local_endpoint().port();
}

void Server::run() {
  auto& i = *impl_;
  i.signals.async_wait([&i](const beast::error_code& ec, int) {
    if (!ec) i.begin_stop();
  });
  net::co_spawn(i.ioc, i.accept_loop(), net::detached);
  std::vector<std::thread> threads;
  for (std::size_t t = 1; t < i.contexts.size(); ++t)
    threads.emplace_back([&i, t] { i.contexts[t]->run(); });
  i.ioc.run();
  for (auto& t : threads) t.join();
  i.pool.join();
}

void Server::stop() {
  net::post(impl_->ioc, [this] { impl_->begin_stop(); });
}

}  // namespace vigie::http
