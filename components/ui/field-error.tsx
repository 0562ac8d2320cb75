import * as React from "react";

import { cn } from "./cn";

type FieldErrorProps = Omit<React.ComponentProps<"p">, "children"> & {
  message?: string | null;
};

/** Inline error for a form field; renders nothing when there is no message. */
function FieldError({ message, className, ...props }: FieldErrorProps) {
  if (!message) return null;
  return (
    <p
      data-slot="field-error"
      role="alert"
      className={cn("text-sm text-destructive", className)}
      {...props}
    >
      {message}
    </p>
  );
}

export { FieldError, type FieldErrorProps };
