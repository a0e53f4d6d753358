"""Where the project's committed data lives."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
LAYERS_DIR = DATA_DIR / "layers"
PLAN_DIR = DATA_DIR / "plan"
MANIFEST_PATH = DATA_DIR / "manifest.json"
