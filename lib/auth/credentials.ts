/** What signup and login accept: shared by the API, the CLI and the services. */
import { z } from "zod";
import { AUTH_LIMITS } from "../../graders/limits.ts";

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email is too long")
  .pipe(z.email("Enter a valid email address"));

export const PasswordSchema = z
  .string()
  .min(AUTH_LIMITS.minPasswordLength, `Password must be at least ${AUTH_LIMITS.minPasswordLength} characters`)
  .max(AUTH_LIMITS.maxPasswordLength, `Password must be at most ${AUTH_LIMITS.maxPasswordLength} characters`);

export const CredentialsSchema = z.object({ email: EmailSchema, password: PasswordSchema });
export type Credentials = z.output<typeof CredentialsSchema>;

/** Login checks only shape: length rules apply when a password is chosen, not when it is typed. */
export const LoginSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Email is required").max(254),
  password: z.string().min(1, "Password is required").max(AUTH_LIMITS.maxPasswordLength),
});
export type LoginInput = z.output<typeof LoginSchema>;
