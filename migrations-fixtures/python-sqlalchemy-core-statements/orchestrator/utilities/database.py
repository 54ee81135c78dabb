import re

# "FlowRun" -> "flow_run"
CAMEL_TO_SNAKE = re.compile(r"(?<!^)(?=[A-Z])")
