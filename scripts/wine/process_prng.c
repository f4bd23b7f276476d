/* bcryptprimitives.dll for Wine 8, which lacks ProcessPrng (Wine 10 has it). cryptography's Rust
 * part imports it; here it is RtlGenRandom (advapi32's SystemFunction036), which Wine has. Built
 * by scripts/wine/setup.sh with Debian's mingw-w64 and put beside Wine's python.exe only. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
