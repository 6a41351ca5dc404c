import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/server/auth/password-policy";

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("Enter a valid e-mail address."));

export const signUpSchema = z.object({
  email: emailSchema,
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(200, "Use at most 200 characters."),
  name: z.string().trim().max(100).optional(),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(200),
});
