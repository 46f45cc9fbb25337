// nginx serving, as static files, the very bytes the Worker answers with: each body is
// fetched from the running Worker once, written under nginx's root with a .gz sibling for
// gzip_static, and served with the same Content-Type and caching and security headers.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { findFreePort } from "../tests/support/free-port.ts";
import { type RunningServer, spawnServer } from "./spawn-server.ts";

/** Headers copied from the Worker's response so both servers send comparable headers. */
const COPIED_HEADERS = ["cache-control", "content-security-policy", "referrer-policy", "x-content-type-options"];

export interface MirroredFile {
  readonly path: string;
  readonly file: string;
  readonly contentType: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly etag: string;
  readonly lastModified: string;
}

/** Where the body of `path` lives under the root: "/" is index.html, others keep their path. */
function fileFor(path: string): string {
  return path === "/" ? "/index.html" : path;
}

export async function mirrorWorker(origin: string, paths: readonly string[], root: string): Promise<MirroredFile[]> {
  const mirrored: MirroredFile[] = [];
  for (const path of paths) {
    const response = await fetch(`${origin}${path}`);
    const body = new Uint8Array(await response.arrayBuffer());
    if (response.status !== 200) throw new Error(`the Worker answered ${response.status} for ${path}; expected 200`);
    const file = fileFor(path);
    const target = join(root, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, body);
    // Level 9 once, as a build step would do it (gzip_static serves it as is).
    const gzipped = gzipSync(body, { level: 9 });
    writeFileSync(`${target}.gz`, gzipped);
    const headers = COPIED_HEADERS.flatMap((name) => {
      const value = response.headers.get(name);
      return value === null ? [] : [[name, value] as const];
    });
    const contentType = response.headers.get("content-type") ?? "application/octet-stream";
    mirrored.push({
      path,
      file,
      contentType,
      headers,
      bytes: body.byteLength,
      gzipBytes: gzipped.byteLength,
      etag: response.headers.get("etag") ?? "",
      lastModified: response.headers.get("last-modified") ?? "",
    });
  }
  return mirrored;
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, "\\$&")}"`;
}

export interface NginxOptions {
  readonly label: string;
  readonly dir: string;
  readonly root: string;
  readonly files: readonly MirroredFile[];
  readonly gzipStatic: boolean;
}

export async function startNginx(options: NginxOptions): Promise<RunningServer> {
  const port = await findFreePort();
  const temp = join(options.dir, "temp");
  mkdirSync(temp, { recursive: true });
  const locations = options.files
    .map(
      (f) => `    location = ${f.path} {
      default_type ${quote(f.contentType)};
${f.headers.map(([name, value]) => `      add_header ${name} ${quote(value)};`).join("\n")}
      try_files ${f.file} =404;
    }`,
    )
    .join("\n");
  // One worker process: workerd runs one isolate on one thread, and the machine must keep a
  // core for wrk. keepalive_requests is raised because workerd does not limit it either.
  const config = `worker_processes 1;
daemon off;
pid ${join(options.dir, "nginx.pid")};
error_log ${join(options.dir, "error.log")} warn;
events { worker_connections 1024; }
http {
  types { }
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  server_tokens off;
  client_body_temp_path ${temp}/body;
  proxy_temp_path ${temp}/proxy;
  fastcgi_temp_path ${temp}/fastcgi;
  uwsgi_temp_path ${temp}/uwsgi;
  scgi_temp_path ${temp}/scgi;
  gzip off;
  gzip_static ${options.gzipStatic ? "on" : "off"};
  gzip_vary ${options.gzipStatic ? "on" : "off"};
  server {
    listen 127.0.0.1:${port};
    root ${options.root};
${locations}
  }
}
`;
  const configPath = join(options.dir, `${options.label.replace(/\W+/g, "-")}.conf`);
  writeFileSync(configPath, config);
  return spawnServer({
    label: options.label,
    command: "nginx",
    args: ["-p", options.dir, "-e", join(options.dir, "error.log"), "-c", configPath],
    logFile: `${configPath}.log`,
    origin: `http://127.0.0.1:${port}`,
    readyPath: options.files[0]?.path ?? "/",
  });
}
