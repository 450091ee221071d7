import { describe, expect, it } from 'vitest'
import { normalizeSql } from './sql-shape.ts'

describe('SQL statement shape', () => {
  it('treats parameter lists and multi-row inserts of any length as one statement', () => {
    expect(normalizeSql('select * from t where id in ($1, $2, $3)')).toBe(
      normalizeSql('select * from t where id in ($7)'),
    )
    expect(normalizeSql('insert into t (a, b) values ($1, $2), ($3, $4)')).toBe(
      normalizeSql('insert into t (a, b)\n  values ($1, $2)'),
    )
    expect(normalizeSql('select 1 limit 50')).toBe(normalizeSql('select  2 limit 10'))
  })

  it('keeps different statements apart', () => {
    expect(normalizeSql('select a from t')).not.toBe(normalizeSql('select b from t'))
  })
})
