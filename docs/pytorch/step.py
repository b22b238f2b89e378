"""cpt4j bench's steps in eager PyTorch, to compare on one machine (docs/performance.md). Not part of the build.

    python3 step.py grpo|sdpo [threads]   the on-policy step: 2x64x4, context 96, vocabulary 45, 8 prompts x 8
                                          samples of 16 new tokens at temperature 1 with a KV cache, reference
                                          scoring, clipped GRPO with k3 KL (or teacher scoring and full-vocabulary
                                          JSD for SDPO), backward, global-norm clip, AdamW
    python3 step.py train [threads]       the large training step: 4x256x8, 32 sequences x 64 tokens

Prints median milliseconds per phase. On Debian, install python3-torch and libopenblas0-pthread (without the
latter PyTorch runs on the reference BLAS); OPENBLAS_CORETYPE chooses the kernels as for cpt4j.
"""
import math
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

MODE = sys.argv[1] if len(sys.argv) > 1 else "grpo"
torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
torch.manual_seed(0)
LAYERS, WIDTH, HEADS, CONTEXT, VOCABULARY = (4, 256, 8, 64, 45) if MODE == "train" else (2, 64, 4, 96, 45)
HEAD_WIDTH = WIDTH // HEADS


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.n1, self.qkv, self.out = nn.LayerNorm(WIDTH), nn.Linear(WIDTH, 3 * WIDTH), nn.Linear(WIDTH, WIDTH)
        self.n2, self.up, self.down = nn.LayerNorm(WIDTH), nn.Linear(WIDTH, 4 * WIDTH), nn.Linear(4 * WIDTH, WIDTH)

    def forward(self, x, cache=None):
        b, t, _ = x.shape
        q, k, v = self.qkv(self.n1(x)).view(b, t, 3, HEADS, HEAD_WIDTH).permute(2, 0, 3, 1, 4)
        if cache is not None:
            if "k" in cache:
                k, v = torch.cat([cache["k"], k], 2), torch.cat([cache["v"], v], 2)
            cache["k"], cache["v"] = k, v
        s = k.shape[2]
        scores = (q / math.sqrt(HEAD_WIDTH)) @ k.transpose(-1, -2)
        if t > 1:
            scores = scores.masked_fill(~torch.ones(t, s, dtype=torch.bool).tril(s - t), float("-inf"))
        y = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, t, WIDTH)
        x = x + self.out(y)
        return x + self.down(F.gelu(self.up(self.n2(x))))


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.tok, self.pos = nn.Embedding(VOCABULARY, WIDTH), nn.Embedding(CONTEXT, WIDTH)
        self.blocks, self.norm = nn.ModuleList([Block() for _ in range(LAYERS)]), nn.LayerNorm(WIDTH)

    def forward(self, ids, start=0, caches=None):
        x = self.tok(ids) + self.pos(torch.arange(start, start + ids.shape[1]))
        for i, block in enumerate(self.blocks):
            x = block(x, None if caches is None else caches[i])
        return self.norm(x) @ self.tok.weight.T


policy, reference = Model(), Model()
reference.load_state_dict(policy.state_dict())
optimizer = torch.optim.AdamW(policy.parameters(), lr=1e-3)
PROMPTS, GROUP, NEW, PROMPT = 8, 8, 16, 10


def train_step():
    ids = torch.randint(0, VOCABULARY, (32, 64))
    start = time.perf_counter()
    loss = F.cross_entropy(policy(ids[:, :-1]).reshape(-1, VOCABULARY), ids[:, 1:].reshape(-1))
    optimizer.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(policy.parameters(), 1.0)
    optimizer.step()
    return [(time.perf_counter() - start) * 1e3]


def on_policy_step():
    t0 = time.perf_counter()
    with torch.no_grad():
        ids = torch.randint(4, VOCABULARY, (PROMPTS, PROMPT)).repeat_interleave(GROUP, 0)
        caches = [dict() for _ in range(LAYERS)]
        logits, tokens = policy(ids, 0, caches)[:, -1], []
        for t in range(NEW):
            tokens.append(torch.multinomial(logits.softmax(-1), 1))
            if t + 1 < NEW:
                logits = policy(tokens[-1], PROMPT + t, caches)[:, -1]
        sequences = torch.cat([ids] + tokens, 1)
    t1 = time.perf_counter()
    with torch.no_grad():
        reference_lp = reference(sequences).log_softmax(-1)[:, PROMPT - 1:-1]
        if MODE == "sdpo":
            context = torch.randint(4, VOCABULARY, (PROMPTS * GROUP, 20))
            taught = torch.cat([sequences[:, :PROMPT], context, sequences[:, PROMPT:]], 1)
            teacher_lp = reference(taught).log_softmax(-1)[:, PROMPT + 20 - 1:-1]
    t2 = time.perf_counter()
    lp = policy(sequences).log_softmax(-1)[:, PROMPT - 1:-1]
    targets = sequences[:, PROMPT:]
    token_lp = lp.gather(-1, targets[..., None])[..., 0]
    if MODE == "sdpo":
        p, q = lp.exp(), teacher_lp.exp()
        m = (0.5 * (p + q)).log()
        loss = 0.5 * ((p * (lp - m)).sum(-1) + (q * (teacher_lp - m)).sum(-1)).mean()
    else:
        advantage = torch.randn(PROMPTS * GROUP, 1)
        ratio = (token_lp - token_lp.detach()).exp()
        surrogate = -torch.min(ratio * advantage, ratio.clamp(0.8, 1.2) * advantage)
        log_ratio = reference_lp.gather(-1, targets[..., None])[..., 0] - token_lp
        loss = (surrogate + 0.04 * (log_ratio.exp() - log_ratio - 1)).mean()
    optimizer.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(policy.parameters(), 1.0)
    optimizer.step()
    t3 = time.perf_counter()
    return [(t1 - t0) * 1e3, (t2 - t1) * 1e3, (t3 - t2) * 1e3, (t3 - t0) * 1e3]


step = train_step if MODE == "train" else on_policy_step
for _ in range(5):
    step()
medians = [statistics.median(column) for column in zip(*[step() for _ in range(20)])]
shape = "%dx%dx%d" % (LAYERS, WIDTH, HEADS)
if MODE == "train":
    print("PyTorch train step %s: %.1f ms" % (shape, medians[0]))
else:
    print("PyTorch %s %s: sampling %.1f  scoring %.1f  training %.1f  total %.1f ms" % ((MODE, shape) + tuple(medians)))
