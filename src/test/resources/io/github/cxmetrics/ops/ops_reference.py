import numpy as np
from scipy import stats
x = np.array([12, 45, 5, 130, 90, 240, 30, 15, 60, 75, 20, 180], dtype=float)
print("n", len(x), "mean", repr(x.mean()), "sd", repr(x.std(ddof=1)), "se", repr(x.std(ddof=1)/np.sqrt(len(x))))
for p in (0.5, 0.9, 0.95, 0.25):
    print("q", p, repr(np.percentile(x, p*100)))
print("within120", (x <= 120).sum())
print("t95 df11", repr(stats.t.ppf(0.975, 11)))
def ranks(n, p, conf):
    a = (1-conf)/2
    F = lambda k: stats.binom.cdf(k, n, p)
    l = 0
    for k in range(n, 0, -1):
        if F(k-1) <= a:
            l = k; break
    u = -1
    for k in range(1, n+1):
        if F(k-1) >= 1-a:
            u = k; break
    return l, u, (F(u-1) - F(l-1)) if u > 0 else None
for n, p, c in [(12, 0.5, 0.95), (100, 0.5, 0.95), (100, 0.9, 0.95), (100, 0.95, 0.95), (1000, 0.9, 0.9), (71, 0.95, 0.95), (72, 0.95, 0.95), (5, 0.5, 0.95), (6, 0.5, 0.95), (20000, 0.95, 0.99)]:
    print("ranks", n, p, c, ranks(n, p, c))
