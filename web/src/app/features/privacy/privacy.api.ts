import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ErasePersonRequest, ErasureDone, MyDataFormat } from '@lava/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class PrivacyApi {
  private readonly http = inject(HttpClient);

  /** The signed-in person's data as a file (the bearer token cannot ride on a plain link, so it comes as a blob). */
  myData(format: MyDataFormat): Observable<Blob> {
    return this.http.get('/api/me/data', { params: { format }, responseType: 'blob' });
  }

  erase(userId: string, body: ErasePersonRequest): Observable<ErasureDone> {
    return this.http.post<ErasureDone>(`/api/admin/users/${userId}/erase`, body);
  }
}
