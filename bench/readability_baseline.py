#!/usr/bin/env python3
"""Times readability-lxml (Debian python3-readability) on the pages of an extraction
set, for comparison with bench/extract_bench.cc. One core, pages decompressed before
timing, the same work as extract_bench: parse, find the article, produce its text.

  python3 bench/readability_baseline.py [../shared/bench/extraction/zyte]
"""
import gzip
import pathlib
import sys
import time

import lxml.html
from readability import Document


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else
                        pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "bench" /
                        "extraction" / "zyte")
    pages = []
    for path in sorted((root / "pages").iterdir()):
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        pages.append(data.decode("utf-8", errors="replace"))
    if not pages:
        sys.exit(f"{root}/pages: no pages")
    total = sum(len(p.encode("utf-8")) for p in pages)
    failed = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    for html in pages:
        try:
            summary = Document(html).summary(html_partial=True)
            lxml.html.fromstring(summary).text_content()
        except Exception:  # readability raises on some pages; counted, as ours are
            failed += 1
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    print(f"readability-lxml: {len(pages)} pages, {failed} failed, {total / 1e6:.1f} MB; "
          f"wall {seconds:.2f} s ({total / 1e6 / seconds:.2f} MB/s, {len(pages) / seconds:.1f} pages/s); "
          f"CPU {cpu:.2f} s ({total / 1e6 / cpu:.2f} MB/s, {len(pages) / cpu:.1f} pages/s), one core")


if __name__ == "__main__":
    main()
