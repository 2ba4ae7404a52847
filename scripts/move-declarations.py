#!/usr/bin/env python3
"""Move exported top-level declarations (with their doc comments) from one
TypeScript module to another and rewrite every named import of them.
usage: move-declarations.py <from.ts> <to.ts> Name...   (paths from the repo root)
The source module imports back what it still uses; check with tsc afterwards."""
import os, re, subprocess, sys

src, dst, names = sys.argv[1], sys.argv[2], sys.argv[3:]
text = open(src, encoding='utf8').read()
lines = text.split('\n')

def decl_span(name):
    pat = re.compile(rf'^export (?:declare )?(?:async )?(?:function|const|let|interface|type|class|enum) {name}\b')
    start = next(i for i, l in enumerate(lines) if pat.match(l))
    # include the doc comment / line comments just above
    s = start
    while s > 0 and (lines[s-1].startswith(('/**', ' *', ' */', '//')) ):
        s -= 1
    # end: a line that is exactly '}' / '};' / ends with ';' at depth 0
    depth = 0; e = start
    for i in range(start, len(lines)):
        depth += lines[i].count('{') + lines[i].count('[') + lines[i].count('(') - lines[i].count('}') - lines[i].count(']') - lines[i].count(')')
        if depth <= 0 and (lines[i].rstrip().endswith((';', '}', '};', '],')) or lines[i].rstrip().endswith(']') ):
            e = i; break
    return s, e

spans = sorted(decl_span(n) for n in names)
moved = '\n\n'.join('\n'.join(lines[s:e+1]) for s, e in spans)
for s, e in reversed(spans):
    del lines[s:e+1]
    if s < len(lines) and s > 0 and lines[s] == '' and lines[s-1] == '':
        del lines[s]
new_src = '\n'.join(lines)

def rel(from_file, to_file):
    r = os.path.relpath(to_file, os.path.dirname(from_file))[:-3] + '.js'
    return r if r.startswith('.') else './' + r

if os.path.exists(dst):
    dst_text = open(dst, encoding='utf8').read().rstrip('\n') + '\n\n' + moved + '\n'
else:
    dst_text = moved + '\n'
# the destination needs the source's imports that the moved code uses
imports = re.findall(r"^import (type )?\{([^}]*)\} from '([^']+)';", text, re.M)
needed = []
for typ, nm, spec in imports:
    used = [n.strip() for n in nm.split(',') if n.strip() and re.search(rf"\b{n.strip().replace('type ','').split(' as ')[-1]}\b", moved)]
    if used:
        target = os.path.normpath(os.path.join(os.path.dirname(src), spec))
        if target.endswith('.js'): target = target[:-3] + '.ts'
        needed.append(f"import {typ or ''}{{ {', '.join(used)} }} from '{rel(dst, target) if spec.startswith('.') else spec}';")
if needed:
    dst_text = '\n'.join(needed) + '\n\n' + dst_text
os.makedirs(os.path.dirname(dst), exist_ok=True)
open(dst, 'w', encoding='utf8').write(dst_text)

# the source imports back what it still uses
still = [n for n in names if re.search(rf'\b{n}\b', new_src)]
if still:
    def is_type(n): return re.search(r'^export (interface|type) ' + n + r'\b', moved, re.M)
    listed = ', '.join(('type ' + n) if is_type(n) else n for n in still)
    imp = "import { " + listed + " } from '" + rel(src, dst) + "';"
    idx = [m.end() for m in re.finditer(r"^import [^;]+;\n", new_src, re.M)]
    at = idx[-1] if idx else 0
    new_src = new_src[:at] + imp + '\n' + new_src[at:]
open(src, 'w', encoding='utf8').write(new_src)

# rewrite importers
src_js = os.path.normpath(src)[:-3]
files = subprocess.check_output(['git', 'ls-files', '-co', '--exclude-standard', 'src', 'test', 'bench'], text=True).split()
pat = re.compile(r"import (type )?\{([^}]*)\} from '([^']+)';\n", re.S)
for f in files:
    if f in (src, dst) or not f.endswith('.ts') or not os.path.exists(f): continue
    t = open(f, encoding='utf8').read()
    def repl(m):
        typ, nm, spec = m.group(1) or '', m.group(2), m.group(3)
        if not spec.startswith('.'): return m.group(0)
        target = os.path.normpath(os.path.join(os.path.dirname(f), spec))
        if target[:-3] != src_js: return m.group(0)
        parts = [n.strip() for n in nm.split(',') if n.strip()]
        keep = [p for p in parts if p.replace('type ', '').split(' as ')[0].strip() not in names]
        move = [p for p in parts if p not in keep]
        out = ''
        if keep: out += f"import {typ}{{ {', '.join(keep)} }} from '{spec}';\n"
        if move: out += f"import {typ}{{ {', '.join(move)} }} from '{rel(f, dst)}';\n"
        return out
    t2 = pat.sub(repl, t)
    if t2 != t: open(f, 'w', encoding='utf8').write(t2)
print('moved', ', '.join(names), 'to', dst)
