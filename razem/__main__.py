from razem.cli import main

main()
