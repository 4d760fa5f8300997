"""HTTP entry point, served by gunicorn as hello_api.app:app."""

from flask import Flask, jsonify

from hello_api import __version__

app = Flask(__name__)


@app.get("/")
def index():
    return jsonify(message="hello from a venv", version=__version__)


@app.get("/healthz")
def healthz():
    return "", 204
