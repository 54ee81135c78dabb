import re

# Turns "FlowRunState" into "Flow_Run_State": one "_" before each capital but the first.
CAMEL_TO_SNAKE = re.compile(r"(?<!^)(?=[A-Z])")
