/* export.c: the integer program of an instance, written for other MIP solvers. */
#include "orgwork/export.h"

#include "formulation/formulation.h"
#include "mip.h"

ow_status ow_export(const ow_instance *inst, ow_export_format format, const char *path,
                    double *scale, ow_error *err)
{
    ow_formulation *f = NULL;
    ow_status rc = OW_OK;
    OW_CALL(ow_formulation_build(inst, &f, err));
    OW_CALL(ow_mip_write(ow_formulation_program(f), format == OW_EXPORT_LP ? OW_MIP_LP : OW_MIP_MPS,
                         path, err));
    if (scale != NULL)
        *scale = ow_formulation_scale(f);
done:
    ow_formulation_free(f);
    return rc;
}
