#!/usr/bin/env node
// Command-line entry point: runs the CLI and sets the exit code (no logic lives here).
import { main } from '../dist/bundle/main.js';

process.exitCode = await main();
