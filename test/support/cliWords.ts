/**
 * What only a terminal user can act on, and so must never reach the browser (issue 12 #10): a
 * backtick (Markdown or a quoted command), a flag, an environment variable, `keepsake <command>`.
 */
export const CLI_WORDS = /`|(^|[\s(])--[a-z]|\$KEEPSAKE|\bkeepsake (inspect|verify|restore|account|identity|address|backup|convert|ui|help)\b/;
