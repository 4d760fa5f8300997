"""Flask app configured by /etc/app.conf, which the Dockerfile writes with a COPY heredoc."""

import configparser
from pathlib import Path

from flask import Flask

config = configparser.ConfigParser()
config.read("/etc/app.conf")
settings = config["app"] if config.has_section("app") else {}

GREETING = settings.get("greeting", "Hello")
DATA_DIR = Path(settings.get("data_dir", "/tmp"))

app = Flask(__name__)


@app.get("/")
def index():
    # A visit counter, so the writable data directory has a purpose.
    counter = DATA_DIR / "visits"
    visits = int(counter.read_text()) + 1 if counter.exists() else 1
    counter.write_text(str(visits))
    return f"{GREETING} (visit {visits})\n"
