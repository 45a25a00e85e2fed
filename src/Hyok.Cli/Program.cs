// Placeholder entry point so the solution builds; the `hyok` command (System.CommandLine) replaces it.
return 0;
