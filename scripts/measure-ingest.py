#!/usr/bin/env python3
"""Measures ingest -> queued latency and sustained API ingest on a running earshot.

Posts care-worthy complaints through POST /api/v1/posts at a steady rate, then reads the p50/p90/p99 of
(conversation opened_at - post received_at) from the API. Usage:
  scripts/measure-ingest.py --url http://127.0.0.1:5000 --key KEY [--rate 100] [--seconds 20] [--batch 10]
"""
import argparse, json, statistics, time, urllib.request
from datetime import datetime

def call(url, key, method="GET", body=None):
    req = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read() or b"null")

def ts(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00"))

def main():
    a = argparse.ArgumentParser()
    a.add_argument("--url", required=True); a.add_argument("--key", required=True)
    a.add_argument("--rate", type=float, default=100); a.add_argument("--seconds", type=float, default=20)
    a.add_argument("--batch", type=int, default=10)
    o = a.parse_args()
    run = int(time.time())
    sent, started = 0, time.time()
    while time.time() - started < o.seconds:
        posts = [{"id": f"m{run}-{sent + i}", "platform": "x", "author": {"handle": f"m{run}u{sent + i}", "followers": 300},
                  "text": f"@acmeair flight AC{sent + i} cancelled and I am still waiting for my refund, terrible"}
                 for i in range(o.batch)]
        call(f"{o.url}/api/v1/posts", o.key, "POST", posts)
        sent += o.batch
        delay = started + sent / o.rate - time.time()
        if delay > 0:
            time.sleep(delay)
    elapsed = time.time() - started
    time.sleep(3)
    latencies, cursor = [], None
    while True:
        page = call(f"{o.url}/api/v1/posts?limit=500" + (f"&cursor={cursor}" if cursor else ""), o.key)
        convs = {}
        for p in page["items"]:
            if not p["external_id"].startswith(f"m{run}-") or p["conversation_id"] is None:
                continue
            convs[p["conversation_id"]] = p
        for cid, p in convs.items():
            c = call(f"{o.url}/api/v1/conversations/{cid}", o.key)["conversation"]
            latencies.append((ts(c["opened_at"]) - ts(p["received_at"])).total_seconds() * 1000)
        cursor = page["next_cursor"]
        if not cursor or len(latencies) >= sent:
            break
    latencies.sort()
    q = lambda f: latencies[min(len(latencies) - 1, int(f * len(latencies)))]
    print(f"sent {sent} posts in {elapsed:.1f}s ({sent / elapsed:.0f}/s); {len(latencies)} queued; "
          f"ingest->queued ms p50 {q(0.5):.0f} p90 {q(0.9):.0f} p99 {q(0.99):.0f} max {latencies[-1]:.0f}")

if __name__ == "__main__":
    main()
