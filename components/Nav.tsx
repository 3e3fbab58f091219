import Link from "next/link";
import type { SessionUser } from "@/lib/view-types";
import { SignOutButton } from "./SignOutButton";
import styles from "./Nav.module.css";

/** Top bar: wordmark, sections, and who is signed in. Server component. */
export function Nav({ user }: { user: SessionUser | null }) {
  return (
    <header className={styles.nav}>
      <div className={styles.left}>
        <Link href="/" className={styles.brand} aria-label="ProdLoop home">
          <span className={styles.prompt} aria-hidden="true">
            ❯
          </span>
          <span>
            prod<span className={styles.brandLoop}>loop</span>
          </span>
        </Link>
        <nav className={styles.links} aria-label="Main">
          <Link href="/problems" className={styles.link}>
            Problems
          </Link>
          {user && (user.role === "mentor" || user.role === "admin") && (
            <Link href="/mentor/reviews" className={styles.link}>
              Reviews
            </Link>
          )}
        </nav>
      </div>
      <div className={styles.right}>
        {user ? (
          <>
            <span className={styles.user}>
              <span className={styles.email}>{user.email}</span>
              <span className={`${styles.role} ${styles[`role_${user.role}`] ?? ""}`}>{user.role}</span>
            </span>
            <SignOutButton />
          </>
        ) : (
          <>
            <Link href="/login" className="btn btn-ghost btn-sm">
              Sign in
            </Link>
            <Link href="/signup" className="btn btn-primary btn-sm">
              Sign up
            </Link>
          </>
        )}
      </div>
    </header>
  );
}
