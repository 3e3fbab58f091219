"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api, ApiError } from "../../api";
import styles from "./Report.module.css";

export function ReviewRequest({ id }: { id: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function request() {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/design/submissions/${id}/review-request`, { method: "POST" });
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Could not request a review");
      setBusy(false);
    }
  }
  return (
    <div className={styles.formFoot}>
      <button type="button" className="btn btn-primary" onClick={() => void request()} disabled={busy}>
        {busy ? "Requesting…" : "Request mentor review"}
      </button>
      {error && <span className={styles.badText}>{error}</span>}
    </div>
  );
}
