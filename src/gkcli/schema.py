"""JSON Schemas of the data files, for editors (yaml-language-server) and for reference."""

from __future__ import annotations

import json

from pydantic import BaseModel

from gkcli.contacts import ContactsFile
from gkcli.disclosure.model import RequestsFile
from gkcli.model import ProgressFile, Register, UnitsFile
from gkcli.workdays_file import WorkdaysFile

MODELS: dict[str, type[BaseModel]] = {
    "register": Register,
    "units": UnitsFile,
    "progress": ProgressFile,
    "requests": RequestsFile,
    "contacts": ContactsFile,
    "workdays": WorkdaysFile,
}


def schema_text(name: str) -> str:
    schema = MODELS[name].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
