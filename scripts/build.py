"""Build the figures, numbers and tables of one page, several, or all.

python -m scripts.build                 # every page
python -m scripts.build conventions     # one page
python -m scripts.build --check         # fail if committed output differs from a fresh build
python -m scripts.build --stale         # rebuild only pages whose code changed
"""

from __future__ import annotations

import argparse
import sys
import time

from scripts import pipeline


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.build", description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="page slugs (default: all)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="compare with a fresh build, write nothing")
    mode.add_argument("--stale", action="store_true", help="only pages whose code or output changed")
    args = parser.parse_args(argv)

    try:
        pages = pipeline.check_slugs(args.pages)
    except pipeline.PageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.stale:
        pages = [slug for slug in pages if pipeline.stale_reason(slug)]
        if not pages:
            print("figures: all pages current")
            return 0

    problems: list[str] = []
    start = time.perf_counter()
    for slug in pages:
        print(f"{slug}:", flush=True)
        try:
            output = pipeline.render(slug, progress=lambda line: print(line, flush=True))
        except pipeline.PageError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        if args.check:
            problems += pipeline.differences(output)
        else:
            for name in pipeline.write(output):
                print(f"  wrote {slug}/{name}")
    elapsed = time.perf_counter() - start
    if problems:
        print("\n".join(["error: figures are stale; run `make figures` and commit:", *problems]), file=sys.stderr)
        return 1
    print(f"figures: {len(pages)} page(s) {'checked' if args.check else 'built'} in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
