from simulator.cli.app import main

raise SystemExit(main())
