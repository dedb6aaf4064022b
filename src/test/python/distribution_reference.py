#!/usr/bin/env python3
"""Regenerates src/test/resources/io/github/cxmetrics/stats/distribution-reference.csv.

Independent high-precision reference values for the full-precision distributions (Beta, StudentT and
their helpers RegularizedBeta, SpecialFunctions), read by DistributionReferenceTest. Computed with
mpmath 1.3 at mp.dps = 50 from the exact binary value of every double argument; scipy 1.17 is used
only for the starting points of the quantile root finding and to size the working precision, never for a stored value. Each value is
rounded once to the nearest double.

Rows: kind,arg1,arg2,arg3,arg4,expected1,expected2
  lgamma,x,,,,logGamma(x),
  lbeta,a,b,,,logBeta(a, b),
  log1pmx,x,,,,log(1 + x) - x,
  ibeta,x,y,a,b,I_x(a, b),1 - I_x(a, b)     (y = 1 - x rounded; the values are for the exact
                                           smaller of x and y, the one the code works from)
  ttail,t,df,,,P(T > t),P(T <= t)
  tquant,p,df,,,t with P(T <= t) = p,

Run from the repository root:  python3 src/test/python/distribution_reference.py
"""
import math
import os
import sys

import mpmath as mp
from scipy import stats

mp.mp.dps = 50
OUT = os.path.join("src", "test", "resources", "io", "github", "cxmetrics", "stats", "distribution-reference.csv")
rows = []


def f(v):
    """Nearest double, as Python's round-trip repr."""
    v = float(v)
    return repr(v)


def series(x, a, b):
    """I_x(a, b) = x^a (1-x)^b / (a B(a, b)) * 2F1(a + b, 1; a + 1; x) (DLMF 8.17.8), positive terms."""
    log_front = a * mp.log(x) + b * mp.log1p(-x) - mp.log(a) - (mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b))
    return mp.exp(log_front) * mp.hyp2f1(a + b, 1, a + 1, x, maxterms=10**7)


def ibeta_small(s, a, b):
    """I_s(a, b) for an exact point s (mpf): the series on the side below the switch point
    s < (a + 1)/(a + b + 2), where its terms decrease from the start; 1 minus the other side's
    series (at 30 extra digits) otherwise."""
    s = mp.mpf(s)
    a = mp.mpf(a)
    b = mp.mpf(b)
    if s * (a + b + 2) < a + 1:
        return series(s, a, b)
    with mp.workdps(mp.mp.dps + 30):
        return 1 - series(1 - s, b, a)


# --- log Gamma, log Beta, log1p(x) - x --------------------------------------------------------
for x in [1e-300, 1e-10, 0.1, 0.3, 0.4999999, 0.5, 0.75, 0.9999999, 1.0, 1.25, 1.4999999, 1.5, 1.9999,
          2.0, 2.2, 2.4999999, 2.5, 3.7, 6.25, 9.5, 9.999999, 10.0, 10.5, 37.25, 1e3, 1e6, 1e10, 1e100, 1e300]:
    rows.append(["lgamma", f(x), "", "", "", f(mp.loggamma(mp.mpf(x))), ""])
for a, b in [(0.1, 0.2), (0.5, 0.5), (1.0, 3.0), (2.5, 7.25), (0.5, 9.999), (0.5, 10.0), (0.5, 12.5),
             (3.0, 1e3), (0.001, 1e6), (2.0, 1e15), (10.0, 10.0), (10.0, 20.0), (12.5, 37.5), (100.0, 1e4),
             (1e3, 1e3), (5e6, 5e6), (1e6, 3.0e8), (1e15, 2e15)]:
    for p, q in [(a, b), (b, a)]:
        mpq = mp.mpf(q)
        mpp = mp.mpf(p)
        rows.append(["lbeta", f(p), f(q), "", "", f(mp.loggamma(mpp) + mp.loggamma(mpq) - mp.loggamma(mpp + mpq)), ""])
for x in [-0.999, -0.9, -0.6, -0.5, -0.4999, -0.25, -1e-3, -1e-8, 1e-12, 1e-5, 0.1, 0.3, 0.4999, 0.5, 0.5001,
          0.75, 3.0, 1e10]:
    mx = mp.mpf(x)
    rows.append(["log1pmx", f(x), "", "", "", f(mp.log1p(mx) - mx), ""])


# --- regularized incomplete beta ---------------------------------------------------------------
def ibeta_row(small, a, b, small_is_x):
    s = mp.mpf(small)
    if small_is_x:
        low = ibeta_small(s, a, b)
        up = ibeta_small(1 - s, b, a)
        x, y = small, float(1 - s)
    else:
        up = ibeta_small(s, b, a)
        low = ibeta_small(1 - s, a, b)
        x, y = float(1 - s), small
    if low == 0 or up == 0:
        return
    if min(low, up) < mp.mpf("1e-300"):
        return
    rows.append(["ibeta", f(x), f(y), f(a), f(b), f(low), f(up)])


shapes = [0.1, 0.5, 1.0, 2.5, 9.5, 10.0, 10.5, 30.0, 1000.0, 1e5]
for a in shapes:
    for b in shapes:
        mean = a / (a + b)
        sd = math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
        switch = (a + 1) / (a + b + 2)
        points = {1e-200, 1e-20, 1e-5, 0.01, 0.3, 0.5, switch, switch * (1 - 1e-9), switch * (1 + 1e-9), mean * 0.3,
                  mean * 0.6}
        for k in [-30, -10, -3, -1, 0, 1, 3, 10, 30]:
            points.add(mean + k * sd)
        for x in sorted(points):
            if 0 < x < 1:
                # x itself when x <= 1/2, else its complement: the side the code computes from
                if x <= 0.5:
                    ibeta_row(x, a, b, True)
                else:
                    ibeta_row(float(1 - mp.mpf(x)), a, b, False)
        for y in [1e-200, 1e-20, 1e-5, 0.01]:
            ibeta_row(y, a, b, False)


# --- Student t ---------------------------------------------------------------------------------
def t_small_tail(t, df):
    """P(T > |t|) = 1/2 I_x(df/2, 1/2), x = df/(df + t^2), for exact t and df, by the positive series
    of DLMF 8.17.8: in x where it converges at a rate below 0.9 (the tails), otherwise as
    1/2 (1 - I_w(1/2, df/2)), w = t^2/(df + t^2), summed with enough extra digits to cover the
    cancellation (large df near the centre)."""
    t = abs(mp.mpf(t))
    df = mp.mpf(df)
    a = df / 2
    b = mp.mpf("0.5")
    x = df / (df + t * t)
    w = t * t / (df + t * t)
    if (a + b) * x < mp.mpf("0.9") * (a + 1):
        return series(x, a, b) / 2
    log_tail = float(stats.t.logsf(float(t), float(df)))  # only to size the working precision
    lost = min(max(0.0, -log_tail / math.log(10)), 400.0) if not math.isnan(log_tail) else 400.0
    with mp.workdps(mp.mp.dps + int(lost) + 20):
        return (1 - series(w, b, a)) / 2


dfs = [0.5, 1.0, 1.5, 2.0, 3.0, 7.5, 19.5, 20.0, 30.0, 1e3, 1e5, 1e7]
for df in dfs:
    ts = [1e-8, 0.1, 0.5, 0.999 * math.sqrt(df), math.sqrt(df), 1.001 * math.sqrt(df), 2.0, 5.0, 30.0,
          1e3, 1e10 * math.sqrt(df) * 0.999, 1e10 * math.sqrt(df) * 1.001, 1e14 * math.sqrt(df)]
    for t in ts:
        if stats.t.logsf(t, df) < -700:
            continue  # far below the double range (scipy used only to skip it)
        small = t_small_tail(t, df)
        if small < mp.mpf("1e-300"):
            continue
        rows.append(["ttail", f(t), f(df), "", "", f(small), f(1 - small)])
        rows.append(["ttail", f(-t), f(df), "", "", f(1 - small), f(small)])


def t_quantile(q, df):
    """The t > 0 with P(T > t) = q (q < 1/2), Newton on log t with mpmath; inf beyond the double range."""
    qm = mp.mpf(q)
    dfm = mp.mpf(df)
    start = float(stats.t.isf(float(q), df))
    if not math.isfinite(start) or start <= 0:
        # power-law tail: P(T > t) ~ df^((df-1)/2) t^(-df) / B(df/2, 1/2)
        logt = (0.5 * (df - 1) * math.log(df) - math.log(float(q)) - float(mp.log(mp.beta(dfm / 2, 0.5)))) / df
        start = math.exp(min(logt, 700))
    u = mp.log(mp.mpf(start))
    logc = mp.log(mp.beta(dfm / 2, mp.mpf("0.5"))) + mp.log(dfm) / 2
    for _ in range(200):
        t = mp.exp(u)
        tail = t_small_tail(t, dfm)
        logdens = -(dfm + 1) / 2 * mp.log1p(t * t / dfm) - logc
        step = (mp.log(tail) - mp.log(qm)) * tail / (mp.exp(logdens) * t)
        u += step
        if abs(step) < mp.mpf("1e-40"):
            break
    else:
        raise RuntimeError(f"t quantile did not converge: {q} {df}")
    t = mp.exp(u)
    return t if t < mp.mpf(sys.float_info.max) else mp.inf


probabilities = [1e-300, 1e-100, 1e-20, 1e-5, 0.01, 0.1, 0.2, 0.2499, 0.25, 0.2501, 0.3, 0.45, 0.4999]
print("tails done", len(rows), flush=True)
for df in [0.5, 1.0, 1.5, 2.0, 3.0, 7.5, 20.0, 30.0, 1e3, 1e5]:
    print("t quantiles, df =", df, flush=True)
    for q in probabilities:
        for p in sorted({q, 1 - q} - {1.0}):
            # the upper tail of the double p is 1 - p exactly, which is not always the double q
            t = t_quantile(q if p < 0.5 else 1 - mp.mpf(p), df)
            rows.append(["tquant", f(p), f(df), "", "", f(-t if p < 0.5 else t), ""])


os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as out:
    out.write("# Generated by src/test/python/distribution_reference.py (mpmath %s, mp.dps = 50); do not edit.\n"
              % mp.__version__)
    out.write("kind,arg1,arg2,arg3,arg4,expected1,expected2\n")
    for r in rows:
        out.write(",".join(r) + "\n")
print(len(rows), "rows ->", OUT)
