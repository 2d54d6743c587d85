import sys
from kiwipiepy import Kiwi
k = Kiwi()
out = sys.stdout
for line in sys.stdin:
    text = line.rstrip('\n')
    # char offset -> byte offset
    b = [0]
    for ch in text:
        b.append(b[-1] + len(ch.encode('utf-8')))
    toks = k.tokenize(text) if text else []
    out.write(' '.join(f"{b[t.start]},{b[min(t.start+t.len, len(text))]},{t.tag}" for t in toks) + '\n')
    out.flush()
