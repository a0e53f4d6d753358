#!/usr/bin/env bash
# Set up and start the viewer (port from $PORT, default 8501).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# serve.py = app.py plus the /healthz route (st.App)
exec .venv/bin/streamlit run serve.py --server.port "${PORT:-8501}" --server.headless true
