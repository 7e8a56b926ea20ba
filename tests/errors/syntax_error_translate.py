# The same for `rpp translate`.
# run: rpp translate %s
# exit: 2
# stderr-check: syntax_error_translate.py:8:3: error: syntax error: {{.*}}
# stderr-not: Traceback
def entry_point(argv):
    return (1 +
  ) 
