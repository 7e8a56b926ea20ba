# An unknown subcommand.
# run: rpp transalte x.py
# exit: 2
# stderr-check: rpp: error: unknown command 'transalte'
