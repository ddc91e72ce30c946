import RecscopeCLI

#if canImport(Glibc)
import Glibc
#endif

exit(Recscope.main(CommandLine.arguments))
