"""Regenerate src/communique/llm/templates/labels.json from docs/guidelines.md.

python scripts/llm_labels.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from communique.llm.labels import LABELS_FILE, write

if __name__ == "__main__":
    target = ROOT / "src" / "communique" / "llm" / "templates" / LABELS_FILE
    write(ROOT / "docs" / "guidelines.md", target)
    print(f"wrote {target}")
