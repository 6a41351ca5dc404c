import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">The page you asked for does not exist or is not yours to see.</p>
      <Link href="/" className="text-sm font-medium text-brand-600 hover:underline">
        Go home
      </Link>
    </main>
  );
}
