/**
 * The directives of Debian 12's nginx 1.22.1 (core + the modules built into
 * the `nginx` package) that a server config plausibly uses, with the contexts
 * and argument counts nginx's own command tables declare. A name that is not
 * here is an "unknown directive", as it is for nginx without that module.
 */

export type Ctx = "main" | "events" | "http" | "server" | "location" | "if" | "upstream" | "types" | "limit_except";

/** Argument count: exact list of allowed counts, or a minimum ("1+"). */
export type Arity = number[] | { min: number };

export interface DirectiveSpec {
  ctx: Ctx[];
  arity: Arity;
  block?: boolean;
  /** NGX_CONF_FLAG: the single argument must be on or off. */
  flag?: boolean;
  /** Set once per block: a second one is `"x" directive is duplicate`. */
  unique?: boolean;
}

const HSL: Ctx[] = ["http", "server", "location"];
const HSLI: Ctx[] = ["http", "server", "location", "if"];
const ANY: Ctx[] = ["main", "events", "http", "server", "location", "if", "upstream", "types", "limit_except"];
const n = (...c: number[]): number[] => c;
const more = (min: number): Arity => ({ min });

/** Several modules may define one name for different contexts (http's block `server` vs upstream's `server`). */
export const DIRECTIVES: Record<string, DirectiveSpec[]> = {
  user: [{ ctx: ["main"], arity: n(1, 2), unique: true }],
  worker_processes: [{ ctx: ["main"], arity: n(1), unique: true }],
  worker_rlimit_nofile: [{ ctx: ["main"], arity: n(1), unique: true }],
  pid: [{ ctx: ["main"], arity: n(1), unique: true }],
  daemon: [{ ctx: ["main"], arity: n(1), flag: true, unique: true }],
  master_process: [{ ctx: ["main"], arity: n(1), flag: true, unique: true }],
  pcre_jit: [{ ctx: ["main"], arity: n(1), flag: true, unique: true }],
  load_module: [{ ctx: ["main"], arity: n(1) }],
  env: [{ ctx: ["main"], arity: n(1) }],
  include: [{ ctx: ANY, arity: n(1) }],
  error_log: [{ ctx: ["main", "http", "server", "location"], arity: more(1) }],
  events: [{ ctx: ["main"], arity: n(0), block: true }],
  worker_connections: [{ ctx: ["events"], arity: n(1), unique: true }],
  multi_accept: [{ ctx: ["events"], arity: n(1), flag: true, unique: true }],
  use: [{ ctx: ["events"], arity: n(1), unique: true }],
  http: [{ ctx: ["main"], arity: n(0), block: true }],
  server: [
    { ctx: ["http"], arity: n(0), block: true },
    { ctx: ["upstream"], arity: more(1) },
  ],
  upstream: [{ ctx: ["http"], arity: n(1), block: true }],
  keepalive: [{ ctx: ["upstream"], arity: n(1) }],
  types: [{ ctx: HSL, arity: n(0), block: true }],
  sendfile: [{ ctx: HSLI, arity: n(1), flag: true, unique: true }],
  tcp_nopush: [{ ctx: HSL, arity: n(1), flag: true, unique: true }],
  tcp_nodelay: [{ ctx: HSL, arity: n(1), flag: true, unique: true }],
  types_hash_max_size: [{ ctx: HSL, arity: n(1), unique: true }],
  types_hash_bucket_size: [{ ctx: HSL, arity: n(1), unique: true }],
  server_tokens: [{ ctx: HSL, arity: n(1), unique: true }],
  server_names_hash_bucket_size: [{ ctx: ["http"], arity: n(1), unique: true }],
  server_names_hash_max_size: [{ ctx: ["http"], arity: n(1), unique: true }],
  server_name_in_redirect: [{ ctx: HSL, arity: n(1), flag: true, unique: true }],
  default_type: [{ ctx: HSL, arity: n(1), unique: true }],
  keepalive_timeout: [{ ctx: HSL, arity: n(1, 2), unique: true }],
  client_max_body_size: [{ ctx: HSL, arity: n(1), unique: true }],
  charset: [{ ctx: HSLI, arity: n(1), unique: true }],
  etag: [{ ctx: HSL, arity: n(1), flag: true, unique: true }],
  ssl_protocols: [{ ctx: ["http", "server"], arity: more(1), unique: true }],
  ssl_prefer_server_ciphers: [{ ctx: ["http", "server"], arity: n(1), flag: true, unique: true }],
  ssl_ciphers: [{ ctx: ["http", "server"], arity: n(1), unique: true }],
  ssl_certificate: [{ ctx: ["http", "server"], arity: n(1) }],
  ssl_certificate_key: [{ ctx: ["http", "server"], arity: n(1) }],
  ssl_session_cache: [{ ctx: ["http", "server"], arity: n(1, 2), unique: true }],
  ssl_session_timeout: [{ ctx: ["http", "server"], arity: n(1), unique: true }],
  ssl_session_tickets: [{ ctx: ["http", "server"], arity: n(1), flag: true, unique: true }],
  ssl_dhparam: [{ ctx: ["http", "server"], arity: n(1), unique: true }],
  ssl_stapling: [{ ctx: ["http", "server"], arity: n(1), flag: true, unique: true }],
  ssl_stapling_verify: [{ ctx: ["http", "server"], arity: n(1), flag: true, unique: true }],
  ssl_trusted_certificate: [{ ctx: ["http", "server"], arity: n(1), unique: true }],
  access_log: [{ ctx: [...HSLI, "limit_except"], arity: more(1) }],
  log_format: [{ ctx: ["http"], arity: more(2) }],
  gzip: [{ ctx: HSLI, arity: n(1), flag: true, unique: true }],
  gzip_vary: [{ ctx: HSL, arity: n(1), flag: true, unique: true }],
  gzip_proxied: [{ ctx: HSL, arity: more(1), unique: true }],
  gzip_comp_level: [{ ctx: HSL, arity: n(1), unique: true }],
  gzip_buffers: [{ ctx: HSL, arity: n(2), unique: true }],
  gzip_http_version: [{ ctx: HSL, arity: n(1), unique: true }],
  gzip_types: [{ ctx: HSL, arity: more(1), unique: true }],
  listen: [{ ctx: ["server"], arity: more(1) }],
  server_name: [{ ctx: ["server"], arity: more(1) }],
  root: [{ ctx: HSLI, arity: n(1), unique: true }],
  alias: [{ ctx: ["location"], arity: n(1), unique: true }],
  index: [{ ctx: HSL, arity: more(1) }],
  autoindex: [{ ctx: HSL, arity: n(1), flag: true, unique: true }],
  location: [{ ctx: ["server", "location"], arity: n(1, 2), block: true }],
  if: [{ ctx: ["server", "location"], arity: more(1), block: true }],
  limit_except: [{ ctx: ["location"], arity: more(1), block: true }],
  try_files: [{ ctx: ["server", "location"], arity: more(2), unique: true }],
  return: [{ ctx: ["server", "location", "if"], arity: n(1, 2) }],
  rewrite: [{ ctx: ["server", "location", "if"], arity: n(2, 3) }],
  error_page: [{ ctx: HSLI, arity: more(2) }],
  add_header: [{ ctx: HSLI, arity: n(2, 3) }],
  expires: [{ ctx: HSLI, arity: n(1, 2), unique: true }],
  allow: [{ ctx: [...HSL, "limit_except"], arity: n(1) }],
  deny: [{ ctx: [...HSL, "limit_except"], arity: n(1) }],
  proxy_pass: [{ ctx: ["location", "if", "limit_except"], arity: n(1), unique: true }],
  proxy_set_header: [{ ctx: HSL, arity: n(2) }],
  proxy_http_version: [{ ctx: HSL, arity: n(1), unique: true }],
  proxy_read_timeout: [{ ctx: HSL, arity: n(1), unique: true }],
  proxy_connect_timeout: [{ ctx: HSL, arity: n(1), unique: true }],
  proxy_buffering: [{ ctx: HSL, arity: n(1), flag: true, unique: true }],
  proxy_redirect: [{ ctx: HSL, arity: n(1, 2) }],
  fastcgi_pass: [{ ctx: ["location", "if"], arity: n(1), unique: true }],
  fastcgi_param: [{ ctx: HSL, arity: n(2, 3) }],
  fastcgi_index: [{ ctx: HSL, arity: n(1), unique: true }],
  fastcgi_split_path_info: [{ ctx: ["location"], arity: n(1), unique: true }],
};

export function arityOk(arity: Arity, count: number): boolean {
  return Array.isArray(arity) ? arity.includes(count) : count >= arity.min;
}
