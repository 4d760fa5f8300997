#!/bin/sh
# Start gunicorn; WORKERS can be overridden with `docker run -e WORKERS=4`.
set -eu
exec gunicorn --bind 0.0.0.0:8000 --workers "${WORKERS:-2}" app:app
