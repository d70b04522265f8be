"""YAML as the project's own files are read: safe, with dates kept as the text written. A date
that cannot be (2024-13-08) is then reported by the reader of the file, naming its key, instead
of failing inside the YAML library."""

import yaml


class DatelessLoader(yaml.SafeLoader):
    pass


DatelessLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(text: str):
    return yaml.load(text, Loader=DatelessLoader)  # a SafeLoader
