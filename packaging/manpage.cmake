# Writes the man page bitext.1 from the executable's own help: the usage of
# `bitext --help`, then each command's `--help`, so that the page says what
# the executable it is installed with says.
#   cmake -DBITEXT=path/to/bitext -DOUTPUT=bitext.1 -DVERSION=0.1.0 -P manpage.cmake

# TEXT as roff lines kept as they are (.nf): backslashes doubled, a leading
# dot or quote made literal, hyphens as the ASCII minus that can be typed.
function(roff_literal text out)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REPLACE "-" "\\-" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

function(help_of out)
  execute_process(COMMAND ${BITEXT} ${ARGN} OUTPUT_VARIABLE text RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "bitext ${ARGN} exited with ${status}")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

help_of(usage --help)
# The commands are the indented words of the usage's "commands:" block.
string(REGEX MATCH "commands:\n(.*)\n\n" block "${usage}")
string(REGEX MATCHALL "\n  [a-z]+ " lines "\n${CMAKE_MATCH_1}")
set(commands)
foreach(line IN LISTS lines)
  string(STRIP "${line}" command)
  list(APPEND commands ${command})
endforeach()
if(NOT commands)
  message(FATAL_ERROR "no commands found in 'bitext --help'")
endif()

roff_literal("${usage}" usage_roff)
set(page ".TH BITEXT 1 \"\" \"bitext ${VERSION}\" \"User Commands\"
.SH NAME
bitext \\- audit translations of official Chinese and English documents
.SH SYNOPSIS
.B bitext
.I command
.RI [ options ]
.SH DESCRIPTION
bitext aligns the Chinese and English paragraphs and sentences of an official
bilingual text, compares machine translations with it and reports what
diverges, with the file and line of each finding.
.PP
.nf
${usage_roff}.fi
.SH COMMANDS
")
foreach(command IN LISTS commands)
  help_of(help ${command} --help)
  roff_literal("${help}" help_roff)
  string(APPEND page ".SS ${command}\n.nf\n${help_roff}.fi\n")
endforeach()
string(APPEND page ".SH ENVIRONMENT
.TP
.B BITEXT_LEXICON
The CC\\-CEDICT file to align with when no
.B \\-\\-lexicon
is given.
.SH FILES
.TP
.I ../share/bitext/cedict_ts.u8
The CC\\-CEDICT lexicon (CC BY\\-SA 4.0), looked for relative to the directory
of the executable when neither
.B \\-\\-lexicon
nor
.B BITEXT_LEXICON
names one.
.B bitext \\-\\-version
prints the lexicon the commands use.
.SH EXIT STATUS
0 clean, 1 findings at or above \\-\\-fail\\-on, 2 usage or input error.
.SH SEE ALSO
The guides installed with bitext, in its documentation directory
(for example /usr/share/doc/bitext/docs/commands.md).
")
file(WRITE "${OUTPUT}" "${page}")
