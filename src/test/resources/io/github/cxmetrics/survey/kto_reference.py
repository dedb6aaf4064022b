import numpy as np
from itertools import product
# questions: (min, max, higher_is_better, fav(x), unfav(x)), weights 2,1,1,1,1
Q = [
 (1,5,True,  lambda x: x>=4, lambda x: x<=2),   # q1 csat 1-5 top-2
 (1,5,True,  lambda x: x>=4, lambda x: x<=2),   # q2 csat 1-5
 (1,7,True,  lambda x: x>=5, lambda x: x<=3),   # q3 ces 1-7 agreement, box 3
 (1,5,False, lambda x: x<=2, lambda x: x>=4),   # q4 ces 1-5 effort, box 2
 (0,10,True, lambda x: x>=9, lambda x: x<=6),   # q5 nps
]
W = np.array([2,1,1,1,1.0])
def resc(q, x):
    lo, hi, up, _, _ = Q[q]
    return 100*((x-lo) if up else (hi-x))/(hi-lo)
def net(q, x):
    _,_,_,f,u = Q[q]
    return 100*(1 if f(x) else -1 if u(x) else 0)
def run(rows, min_answered):
    elig = [r for r in rows if sum(a is not None for a in r) >= min_answered]
    I = np.array([sum(W[q]*resc(q,a) for q,a in enumerate(r) if a is not None)/sum(W[q] for q,a in enumerate(r) if a is not None) for r in elig])
    n = len(I)
    print(" respondent indices", [repr(x) for x in I])
    print(" index", repr(I.mean()), "se", repr(I.std(ddof=1)/np.sqrt(n)), "df", n-1)
    for name, f in (("net", net), ("acsi", resc)):
        k = len(Q)
        nq = np.array([sum(r[q] is not None for r in elig) for q in range(k)])
        means = np.array([np.mean([f(q, r[q]) for r in elig if r[q] is not None]) for q in range(k)])
        w = W/W.sum()
        T = (w*means).sum()
        V = 0.0
        for q in range(k):
            for s in range(k):
                both = [r for r in elig if r[q] is not None and r[s] is not None]
                m = len(both)
                if m < 2: continue
                a = np.array([f(q, r[q]) for r in both]); b = np.array([f(s, r[s]) for r in both])
                cov = np.sum((a-a.mean())*(b-b.mean()))/(m-1)
                V += w[q]*w[s]*m*cov/(nq[q]*nq[s])
        print(" ", name, repr(T), "se", repr(np.sqrt(V)), "df", nq.min()-1, "per-item means", [repr(x) for x in means])
rows = [(5,4,7,1,10),(3,3,4,3,6),(1,2,1,5,0),(4,5,6,2,9)]
print("complete:"); run(rows, 5)
rows2 = rows + [(5,None,None,1,10),(2,None,None,None,None)]
print("min-answered 3:"); run(rows2, 3)

# --- linearisation variance (ref_kto2.py) ---

def lin(rows, min_answered):
    elig = [r for r in rows if sum(a is not None for a in r) >= min_answered]
    N = len(elig); k = len(Q); w = W/W.sum()
    for name, f in (("net", net), ("acsi", resc)):
        nq = np.array([sum(r[q] is not None for r in elig) for q in range(k)])
        m = np.array([np.mean([f(q, r[q]) for r in elig if r[q] is not None]) for q in range(k)])
        u = np.array([sum(w[q]*(f(q, r[q]) - m[q])/nq[q] for q in range(k) if r[q] is not None) for r in elig])
        print(name, repr((w*m).sum()), "se", repr(np.sqrt(N/(N-1)*np.sum(u**2))), "df", N-1)
rows = [(5,4,7,1,10),(3,3,4,3,6),(1,2,1,5,0),(4,5,6,2,9)]
print("complete:"); lin(rows, 5)
rows2 = rows + [(5,None,None,1,10),(2,None,None,None,None)]
print("min-answered 3:"); lin(rows2, 3)
