import { Injectable } from '@nestjs/common';
import { compare, hash } from 'bcryptjs';
import { randomInt } from 'node:crypto';
import { accountPasswordViolations } from '@app/domain';
import { FieldProblems } from './account-errors';
import { BCRYPT_ROUNDS } from './users.service';

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand (no 0/O, 1/l/I). */
const TEMPORARY_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** 3 groups of 4 (~69 bits), joined by dashes: 14 characters. */
const TEMPORARY_GROUPS = 3;
const TEMPORARY_GROUP_LENGTH = 4;
/** Longer "current passwords" are not compared (bcrypt reads 72 bytes; no reason to hash megabytes). */
const MAX_COMPARED_LENGTH = 1024;

/**
 * Passwords of accounts: the policy for passwords set through the API, hashing, checking and
 * temporary passwords. Nothing here logs or keeps a password in clear.
 */
@Injectable()
export class PasswordsService {
  /** Adds every rule `password` breaks (see accountPasswordViolations) to `problems` under `field`. */
  checkPolicy(problems: FieldProblems, field: string, password: string, email: string): void {
    problems.addRules(field, accountPasswordViolations(password, { email }));
  }

  hash(password: string): Promise<string> {
    return hash(password, BCRYPT_ROUNDS);
  }

  async matches(password: string, passwordHash: string): Promise<boolean> {
    if (typeof password !== 'string' || password.length > MAX_COMPARED_LENGTH) return false;
    return compare(password, passwordHash);
  }

  /** A random temporary password (crypto.randomInt, unbiased) that itself passes the policy for `email`. */
  temporary(email: string): string {
    for (;;) {
      const groups: string[] = [];
      for (let g = 0; g < TEMPORARY_GROUPS; g++) {
        let group = '';
        for (let i = 0; i < TEMPORARY_GROUP_LENGTH; i++) group += TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)];
        groups.push(group);
      }
      const password = groups.join('-');
      if (!accountPasswordViolations(password, { email }).length) return password;
    }
  }
}
