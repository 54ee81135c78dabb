# A file no Python parser reads whole (a fuzzer's input): the call's scope is a function definition
# the parser leaves without a body. The other files are still checked.
s.()sqlalchemy.execute({{{{{{{{{{{{{{
