"""Execute the notebooks in notebooks/ headless with the tslab kernel and report any cell error.

Usage (Debian: apt-get install python3-nbclient python3-ipykernel; run with that python):
    /usr/bin/python3 scripts/run-notebooks.py [--json] [--timeout S] [--parallel N] [--write-to DIR] [NOTEBOOK ...]

Without NOTEBOOK arguments every notebooks/*.ipynb runs. Each kernel starts in its
notebook's folder, as Jupyter does. The stored notebooks are not changed; --write-to
saves the executed copies (with outputs) in DIR.

Set-up done here, so a fresh checkout works after `npm ci`:
- notebooks/node_modules/loopbaan -> ../.. : the notebooks import the package by its
  name; tslab's TypeScript resolves bare names only through node_modules (Node's own
  package self-reference is not seen by its type checker). npm makes the same link for
  a `file:..` dependency. An existing entry is left alone.
- the tslab kernel is registered with `tslab install --prefix` into a temporary folder
  put first on JUPYTER_PATH, so no user or system kernel registration is needed or changed.

Exit status: 0 when every notebook ran without a cell error, 1 otherwise, 2 when the
kernel cannot be set up. With --json, stdout holds one JSON document:
{"ok": bool, "notebooks": [{"name", "ok", "seconds", "cells", "error": null | {"cell", "source", "message"}, "stderr": [...]}]}.
"""

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / 'notebooks'
TSLAB = ROOT / 'node_modules' / 'tslab' / 'bin' / 'tslab'


def ensure_package_link() -> None:
    """notebooks/node_modules/loopbaan -> ../.. unless something is there already."""
    link = NOTEBOOKS / 'node_modules' / 'loopbaan'
    if link.exists() or link.is_symlink():
        return
    link.parent.mkdir(exist_ok=True)
    link.symlink_to(Path('..') / '..', target_is_directory=True)


def register_kernel(prefix: Path) -> Path:
    """Install the tslab kernelspec under prefix with tslab's own installer; return the Jupyter data folder."""
    if not TSLAB.exists():
        raise RuntimeError(f'{TSLAB} is missing: run npm ci (tslab is a devDependency)')
    cmd = ['node', str(TSLAB), 'install', f'--python={sys.executable}', f'--binary={TSLAB}', f'--prefix={prefix}']
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f'tslab install failed: {done.stdout}{done.stderr}'.strip())
    data = prefix / 'share' / 'jupyter'
    if not (data / 'kernels' / 'tslab' / 'kernel.json').exists():
        raise RuntimeError(f'tslab install wrote no kernelspec under {data}')
    return data


def cell_text(cell) -> str:
    """What a failed cell printed: tslab reports compile and runtime errors on stderr."""
    parts = []
    for out in cell.get('outputs', []):
        if out.get('output_type') == 'stream' and out.get('name') == 'stderr':
            parts.append(out.get('text', ''))
        elif out.get('output_type') == 'error':
            parts.append(f"{out.get('ename', '')}: {out.get('evalue', '')}\n" + '\n'.join(out.get('traceback', [])))
    return ''.join(parts).strip()


async def run_notebook(path: Path, timeout: int, write_to: Path | None) -> dict:
    nb = nbformat.read(path, as_version=4)
    failed = {}

    def on_cell_error(cell, cell_index, execute_reply):
        failed['cell'] = cell_index

    client = NotebookClient(
        nb, kernel_name='tslab', timeout=timeout, allow_errors=False,
        resources={'metadata': {'path': str(path.parent)}}, on_cell_error=on_cell_error,
    )
    start = time.monotonic()
    error = None
    try:
        await client.async_execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        index = failed.get('cell')
        if index is None:
            executed = [i for i, c in enumerate(nb.cells) if c.cell_type == 'code' and c.get('outputs')]
            index = executed[-1] if executed else -1
        cell = nb.cells[index] if index >= 0 else {}
        message = cell_text(cell) if cell else ''
        error = {'cell': index, 'source': cell.get('source', '') if cell else '', 'message': message or str(exc).strip()}
    seconds = time.monotonic() - start
    if write_to is not None:
        write_to.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, write_to / path.name)
    code = [c for c in nb.cells if c.cell_type == 'code']
    stderr = [cell_text(c) for c in code if error is None and cell_text(c)]
    return {'name': path.name, 'ok': error is None, 'seconds': round(seconds, 1), 'cells': len(code), 'error': error, 'stderr': stderr}


async def run_all(paths: list[Path], timeout: int, parallel: int, write_to: Path | None) -> list[dict]:
    gate = asyncio.Semaphore(parallel)

    async def one(path: Path) -> dict:
        async with gate:
            return await run_notebook(path, timeout, write_to)

    return list(await asyncio.gather(*(one(p) for p in paths)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('notebooks', nargs='*', type=Path, help='notebooks to run (default notebooks/*.ipynb)')
    ap.add_argument('--json', action='store_true', help='print the results as one JSON document')
    ap.add_argument('--timeout', type=int, default=300, help='seconds per cell (default 300)')
    ap.add_argument('--parallel', type=int, default=2, help='kernels at the same time (default 2)')
    ap.add_argument('--write-to', type=Path, help='save the executed notebooks in this folder')
    args = ap.parse_args()
    paths = [p.resolve() for p in args.notebooks] or sorted(NOTEBOOKS.glob('*.ipynb'))

    with tempfile.TemporaryDirectory(prefix='loopbaan-kernel-') as tmp:
        try:
            ensure_package_link()
            data = register_kernel(Path(tmp))
        except (RuntimeError, OSError) as exc:
            print(f'run-notebooks: {exc}', file=sys.stderr)
            return 2
        os.environ['JUPYTER_PATH'] = os.pathsep.join([str(data), *filter(None, [os.environ.get('JUPYTER_PATH')])])
        os.environ['JUPYTER_RUNTIME_DIR'] = str(Path(tmp) / 'runtime')  # kernel connection files
        results = asyncio.run(run_all(paths, args.timeout, max(1, args.parallel), args.write_to))

    ok = all(r['ok'] for r in results)
    if args.json:
        print(json.dumps({'ok': ok, 'notebooks': results}, indent=1))
    else:
        for r in results:
            print(f"{'ok    ' if r['ok'] else 'FAILED'} {r['name']} ({r['cells']} code cells, {r['seconds']} s)")
            if r['error']:
                print(f"  cell {r['error']['cell']}:\n    " + r['error']['message'].replace('\n', '\n    '))
            for text in r['stderr']:
                print('  stderr: ' + text.replace('\n', '\n    '))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
