"use client";

import { useState } from "react";
import type { EstimateAnswer } from "@/graders/design/answer-schema";
import type { DesignProblemView } from "@/lib/design/view-types";
import { QuantityInput } from "./QuantityInput";
import styles from "./Design.module.css";

type Ask = DesignProblemView["estimates"][number];
interface Row {
  name: string;
  value: string;
  inputs: { name: string; value: string }[];
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Rows for the asked estimates: stored values, plus the asked inputs not yet given (empty, to fill in). */
function rowsFrom(asks: Ask[], stored: EstimateAnswer[]): Row[] {
  return asks.map((ask) => {
    const mine = stored.find((e) => norm(e.name) === norm(ask.name) || norm(e.name) === norm(ask.id));
    const given = (mine?.inputs ?? []).map((i) => ({ name: i.name, value: i.value }));
    const missing = ask.inputs.filter((i) => !given.some((g) => norm(g.name) === norm(i.name) || norm(g.name) === norm(i.id))).map((i) => ({ name: i.name, value: "" }));
    return { name: ask.name, value: mine?.value ?? "", inputs: [...given, ...missing] };
  });
}

/** What is stored: every asked estimate by name, inputs that have both a name and a value. */
function toAnswer(rows: Row[]): EstimateAnswer[] {
  return rows.map((r) => {
    const inputs = r.inputs.map((i) => ({ name: i.name.trim(), value: i.value.trim() })).filter((i) => i.name !== "" && i.value !== "");
    return { name: r.name, value: r.value.trim(), ...(inputs.length > 0 ? { inputs } : {}) };
  });
}

export function EstimatesTable({ asks, initial, onChange }: { asks: Ask[]; initial: EstimateAnswer[]; onChange: (estimates: EstimateAnswer[]) => void }) {
  const [rows, setRows] = useState<Row[]>(() => rowsFrom(asks, initial));

  function update(next: Row[]) {
    setRows(next);
    onChange(toAnswer(next));
  }
  const setRow = (i: number, patch: Partial<Row>) => update(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const setInput = (i: number, k: number, patch: Partial<Row["inputs"][number]>) =>
    setRow(i, { inputs: rows[i]!.inputs.map((x, m) => (m === k ? { ...x, ...patch } : x)) });

  return (
    <div className={styles.estimates} data-testid="estimates">
      <div className={styles.estHead} aria-hidden="true">
        <span>Quantity</span>
        <span>Your value (number + unit)</span>
        <span>Inputs you used</span>
      </div>
      {asks.map((ask, i) => {
        const row = rows[i]!;
        return (
          <div key={ask.id} className={styles.estRow} data-testid={`estimate-${ask.id}`}>
            <div className={styles.estName}>
              <strong>{ask.name}</strong>
              <span className={styles.estAsk}>{ask.ask}</span>
            </div>
            <div>
              <QuantityInput label={`${ask.name} value`} value={row.value} placeholder="e.g. 35k/s, 1.2 TB, 40 servers" onChange={(v) => setRow(i, { value: v })} />
            </div>
            <div className={styles.estInputs}>
              {row.inputs.map((inp, k) => (
                <div key={k} className={styles.estInput}>
                  <input
                    className={`input ${styles.inputName}`}
                    value={inp.name}
                    placeholder="input"
                    aria-label={`${ask.name} input ${k + 1} name`}
                    onChange={(e) => setInput(i, k, { name: e.target.value })}
                  />
                  <QuantityInput label={`${ask.name} input ${inp.name || k + 1} value`} value={inp.value} placeholder="value" onChange={(v) => setInput(i, k, { value: v })} />
                  <button
                    type="button"
                    className="btn btn-ghost btn-sm"
                    aria-label={`Remove input ${inp.name || k + 1}`}
                    onClick={() => setRow(i, { inputs: row.inputs.filter((_, m) => m !== k) })}
                  >
                    ×
                  </button>
                </div>
              ))}
              <button type="button" className={`btn btn-ghost btn-sm ${styles.addInput}`} onClick={() => setRow(i, { inputs: [...row.inputs, { name: "", value: "" }] })}>
                + Add input
              </button>
            </div>
          </div>
        );
      })}
    </div>
  );
}
