/** A configuration file or environment that cannot be used: the message names the file or variable and the field. */
export class ConfigError extends Error {
  override name = "ConfigError";
}
