#!/usr/bin/env python3
"""Move TypeScript modules and rewrite every relative import that points at them.
usage: move.py old=new ...   (paths relative to the repo, src/... .ts)"""
import os, re, subprocess, sys
ROOT = os.getcwd()
moves = {}
for arg in sys.argv[1:]:
    old, new = arg.split('=')
    moves[os.path.normpath(old)[:-3]] = os.path.normpath(new)[:-3]   # strip .ts
# dist mirror for bench strings
def mapped(stem):
    if stem in moves: return moves[stem]
    if stem.startswith('dist/') and 'src/' + stem[5:] in moves: return 'dist/' + moves['src/' + stem[5:]][4:]
    return stem
files = subprocess.check_output(['git', 'ls-files', 'src', 'test', 'bench'], text=True).split()
SPEC = re.compile(r"""(['"])(\.{1,2}/[^'"\n]*?)(\.js|\.ts)?\1""")
changed = 0
for f in files:
    if not f.endswith(('.ts', '.js', '.mjs')): continue
    old_stem = f[:-3]
    new_file = (moves.get(old_stem, old_stem)) + f[-3:]
    text = open(f, encoding='utf8').read()
    def repl(m):
        q, spec, ext = m.group(1), m.group(2), m.group(3) or ''
        target = os.path.normpath(os.path.join(os.path.dirname(f), spec))
        new_target = mapped(target)
        if new_target == target and new_file == f: return m.group(0)
        rel = os.path.relpath(new_target, os.path.dirname(new_file))
        if not rel.startswith('.'): rel = './' + rel
        return f"{q}{rel}{ext}{q}"
    new_text = SPEC.sub(repl, text)
    if new_text != text:
        open(f, 'w', encoding='utf8').write(new_text); changed += 1
for old, new in moves.items():
    os.makedirs(os.path.dirname(new), exist_ok=True)
    subprocess.check_call(['git', 'mv', old + '.ts', new + '.ts'])
print(f'rewrote {changed} files, moved {len(moves)}')
