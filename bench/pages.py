#!/usr/bin/env python3
"""Page latency benchmark (issue 3): the work list and the petition page at the 95th percentile,
against the target of 100 ms, on a running Xinfang filled by the generator, e.g.

    java -jar target/xinfang.jar --xinfang.generate.count=1000000     # fill, then exit
    java -jar target/xinfang.jar &                                   # serve
    bench/pages.py --password "$XINFANG_ADMIN_PASSWORD" [--n 400]

Prints one line per figure: p50 / p95 / p99 in ms and the ratio of p95 to the 100 ms target
(below 1.00 meets it). Requests are sequential from one client on loopback, after a warm-up.
"""
import argparse, base64, http.cookiejar, json, random, re, statistics, time, urllib.parse, urllib.request

p = argparse.ArgumentParser()
p.add_argument("--base", default="http://localhost:8080")
p.add_argument("--user", default="admin")
p.add_argument("--password", required=True)
p.add_argument("--n", type=int, default=400)
p.add_argument("--warmup", type=int, default=50)
p.add_argument("--target-ms", type=float, default=100.0)
a = p.parse_args()

jar = http.cookiejar.CookieJar()
web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
basic = "Basic " + base64.b64encode(f"{a.user}:{a.password}".encode()).decode()

def api(path):
    req = urllib.request.Request(a.base + path, headers={"Authorization": basic})
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read())

def page(path):
    t = time.perf_counter()
    with web.open(a.base + path) as r:
        body = r.read()
        assert r.status == 200, (path, r.status)
    return (time.perf_counter() - t) * 1000, body

# sign in through the form, as a browser does
_, login = page("/login")
csrf = re.search(rb'name="_csrf"[^>]*value="([^"]+)"', login).group(1).decode()
web.open(a.base + "/login", urllib.parse.urlencode(
    {"username": a.user, "password": a.password, "_csrf": csrf}).encode()).read()

orgs = [o["id"] for o in api("/api/organisations") if o["type"] in ("DEPARTMENT", "PETITION_BUREAU")]
ids = []
for k in range(20):
    ids += [s["id"] for s in api(f"/api/petitions?size=200&page={random.randint(0, 200)}")]
ids = ids or [s["id"] for s in api("/api/petitions?size=200")]

def measure(name, paths):
    for path in paths[: a.warmup]:
        page(path)
    times = sorted(page(path)[0] for path in paths[a.warmup:])
    q = statistics.quantiles(times, n=100)
    p50, p95, p99 = q[49], q[94], q[98]
    print(f"{name:<34} n={len(times):>4}  p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  p99 {p99:7.1f} ms"
          f"  target {a.target_ms:.0f} ms  ratio p95/target {p95 / a.target_ms:5.2f}")

n = a.n + a.warmup
print(f"Xinfang page benchmark against {a.base}")
measure("work list (/, first pages)", [f"/?org={random.choice(orgs)}&page={random.randint(1, 5)}" for _ in range(n)])
measure("work list (/, deep pages)", [f"/?org={random.choice(orgs)}&page={random.randint(1, 200)}" for _ in range(n)])
measure("petition page (/petitions/{id})", [f"/petitions/{random.choice(ids)}" for _ in range(n)])
