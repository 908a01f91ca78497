using Earshot.Cli;

return await EarshotCommandLine.Build().Parse(args).InvokeAsync();
