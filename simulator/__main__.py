from simulator.cli.app import run

run()
