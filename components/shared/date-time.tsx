import { useFormatter } from "next-intl";

type DateTimeProps = {
  value: string | Date;
  /** "date" for a day, "dateTime" for a moment. */
  format?: "date" | "dateTime";
};

/** A date in the reader's language (works in server and client components). */
export function DateTime({ value, format = "dateTime" }: DateTimeProps) {
  const formatter = useFormatter();
  const date = typeof value === "string" ? new Date(value) : value;
  const text =
    format === "date"
      ? formatter.dateTime(date, { dateStyle: "medium" })
      : formatter.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return <time dateTime={date.toISOString()}>{text}</time>;
}
